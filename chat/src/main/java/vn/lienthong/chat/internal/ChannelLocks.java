package vn.lienthong.chat.internal;

import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * One lock per channel (striped) held from storing a message until it has been handed to the broker, so that on
 * one instance subscribers get a channel's messages in sequence order. The database row lock already orders the
 * sequence numbers; this orders the broadcasts too.
 */
@Component
class ChannelLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[256];

    ChannelLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(long channelId) {
        return stripes[(int) Math.floorMod(channelId * 0x9E3779B97F4A7C15L >>> 32, (long) stripes.length)];
    }
}
