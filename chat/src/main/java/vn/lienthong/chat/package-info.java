/**
 * Chat (Trò chuyện): real-time conversations between officials over Spring WebSocket (STOMP), with history that is
 * never lost and is fed into the archive.
 *
 * <p>This package is the module's front door: {@link vn.lienthong.chat.Chat} (what an official does: channels,
 * messages, files, read marks, history, presence), {@link vn.lienthong.chat.ChatAdministration} (meeting and
 * announcement channels, the audit trail, the re-sync of unit channels) and the records they take and return. The
 * wire formats of the STOMP destinations are {@link vn.lienthong.chat.ChatEvent},
 * {@link vn.lienthong.chat.ChatNotification} and {@link vn.lienthong.chat.ChatPresence}; the destinations
 * themselves are listed in the module's README.
 *
 * <p>Uses the directory's {@code Directory} and its events (unit channels follow units and officials) and the
 * archive's {@code Archive} (every message is put in with its channel's members as readers). Events out: none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat")
package vn.lienthong.chat;
