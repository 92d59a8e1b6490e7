package vn.lienthong.chat;

/**
 * What a re-sync of the unit channels with the directory changed. A second run right after the first reports zeros.
 */
public record UnitChannelSyncReport(int channelsCreated, int channelsUpdated, int channelsClosed, int membersAdded,
                                    int membersRemoved) {

    public boolean changedAnything() {
        return channelsCreated + channelsUpdated + channelsClosed + membersAdded + membersRemoved > 0;
    }
}
