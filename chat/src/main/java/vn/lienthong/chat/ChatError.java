package vn.lienthong.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a client receives on {@code /user/queue/errors} when a frame it sent was refused, by the chat's rules or by
 * the access checks (code {@code FORBIDDEN}). The frame is dropped and the connection stays open.
 *
 * @param code              {@link ChatException.Reason} name: {@code INVALID}, {@code RATE_LIMITED}, ...
 * @param message           Vietnamese, ready to show
 * @param channelId         the channel of the refused frame
 * @param clientMessageId   the refused post's client id, so the client can mark that message as not sent
 * @param retryAfterSeconds for {@code RATE_LIMITED}: when to try again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatError(String code, String message, Long channelId, String clientMessageId,
                        Long retryAfterSeconds) {
}
