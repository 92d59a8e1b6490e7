package vn.lienthong.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

/**
 * Chat as an official uses it. Every method takes the acting official's username (the signed-in user, never a
 * name the client sent) and checks membership itself: a channel the actor is not a member of is
 * {@link ChatException.Reason#NOT_FOUND}. The STOMP endpoint and the REST API both go through this interface, so
 * the rules are the same on both paths.
 *
 * <p>A message is stored (committed) before it is returned or broadcast to {@code /topic/channels/{id}}; its
 * sequence number is assigned atomically per channel. Reading "after N" returns every message after N in order, so
 * a client that reconnects and asks for what follows the last sequence it saw misses nothing and sees nothing twice.
 */
public interface Chat {

    /** The actor's channels, with unread counts, most recently active first. */
    List<ChannelSummary> channelsOf(String username);

    ChannelSummary channel(String username, long channelId);

    boolean isMember(String username, long channelId);

    /** Members, Vietnamese order of their names. */
    List<ChatMember> members(String username, long channelId);

    /** The direct channel between the two officials, created on first use (exactly one per pair). */
    ChannelSummary openDirect(String username, String otherUsername);

    /** A group conversation of the actor and the given officials; the actor moderates it. */
    ChannelSummary createGroup(String username, String title, Collection<String> members);

    /** Adds officials to a group conversation (its moderators only). */
    void addMembers(String username, long channelId, Collection<String> usernames);

    /** Leaves a group conversation. */
    void leave(String username, long channelId);

    /**
     * Stores and broadcasts a message. A repeated {@link NewMessage#clientMessageId()} of the same author in the same
     * channel returns the message stored the first time and posts nothing.
     *
     * @throws ChatException NOT_FOUND (not a member), FORBIDDEN (no poster right), CLOSED, INVALID (empty, too
     *                       long, unknown reply), RATE_LIMITED
     */
    ChatMessage post(String username, long channelId, NewMessage message);

    /**
     * Stores a file and the message that carries it in one transaction, then broadcasts the message like any other
     * (the file's bytes are not in it: {@link ChatMessage#file()} names them). The declared size is checked before
     * anything is read, the bytes counted while they are stored; over the limit nothing is stored.
     *
     * @throws ChatException as {@link #post}, and TOO_LARGE (over {@code lienthong.chat.max-file-size}) or INVALID
     *                       (no file, an empty file, no usable name)
     */
    ChatMessage postFile(String username, long channelId, NewFile file);

    /**
     * A file of a message in one of the actor's channels.
     *
     * @throws ChatException NOT_FOUND: no such file, not a member of its channel, or its message was deleted
     */
    ChatFile file(String username, String fileId);

    /** Writes the bytes of {@link #file(String, String)} to {@code out}, after the same checks. */
    void copyFile(String username, String fileId, OutputStream out) throws IOException;

    /**
     * Presence of officials who share a channel with the actor (and of the actor). Names that share no channel with
     * the actor are left out, whatever their state, so presence tells nothing about strangers.
     *
     * @param usernames whom to ask about; {@code null} or empty: everyone sharing a channel with the actor who is
     *                  connected now (online or away)
     */
    List<ChatPresence> presence(String username, Collection<String> usernames);

    /** Replaces the text of one's own message; the old text goes to the audit trail. */
    ChatMessage edit(String username, long channelId, long sequence, String text);

    /** Deletes one's own message, or any message for a moderator; the text goes to the audit trail. */
    ChatMessage delete(String username, long channelId, long sequence);

    /** Adds or removes the actor's reaction with this emoji. */
    ChatMessage react(String username, long channelId, long sequence, String emoji, boolean add);

    /** Moves the actor's read mark forward to {@code sequence} (never back); answers the mark now. */
    long markRead(String username, long channelId, long sequence);

    /** Tells the channel's subscribers that the actor is typing (not stored). */
    void typing(String username, long channelId);

    /** Messages after {@code afterSequence}, oldest first, at most {@code limit}. */
    HistoryPage after(String username, long channelId, long afterSequence, int limit);

    /** The newest messages before {@code beforeSequence} ({@code null}: the newest of all), oldest first. */
    HistoryPage before(String username, long channelId, Long beforeSequence, int limit);

    /** Members other than the author whose read mark is at or after the message. */
    List<ReadReceipt> readers(String username, long channelId, long sequence);
}
