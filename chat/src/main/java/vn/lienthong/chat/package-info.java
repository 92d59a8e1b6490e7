/**
 * Chat: real-time conversations over Spring WebSocket (STOMP). Uses the directory's and the archive's APIs.
 * (Being built.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat")
package vn.lienthong.chat;
