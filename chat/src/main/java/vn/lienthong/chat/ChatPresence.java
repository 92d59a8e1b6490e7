package vn.lienthong.chat;

import java.time.Instant;

/**
 * Whether an official is connected to the chat now. What {@code GET /api/v1/chat/presence} answers and what
 * {@code /user/queue/presence} carries when it changes, as JSON: {@code {"username":"an.nguyen","state":"AWAY",
 * "at":"2026-11-28T03:15:00Z"}}.
 *
 * @param state {@link State#ONLINE} when at least one of their connections (tabs, devices, on any instance) is
 *              active, {@link State#AWAY} when every one of them said it is away, {@link State#OFFLINE} when they
 *              have none
 * @param at    when this was read or changed
 */
public record ChatPresence(String username, State state, Instant at) {

    public enum State { ONLINE, AWAY, OFFLINE }
}
