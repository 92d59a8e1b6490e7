package vn.lienthong.app.chat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The chat page as the server draws it: who may open it and what the script gets to start with. */
class ChatPageTests extends WebTestSupport {

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        String location = mvc.perform(get("/chat").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(location).containsAnyOf("/oauth2/authorization/", "/login");
    }

    @Test
    void officialGetsTheChatAppInsteadOfThePlaceholder() throws Exception {
        String html = page("/chat", Users.OFFICIAL);

        assertThat(html).contains("id=\"chat-app\"", "/js/chat.js", "stomp.umd.min.js", "Tin nhắn riêng",
                "data-t-read-by=\"Đã xem: {0}\"", "aria-current=\"page\"");
        assertThat(html).doesNotContain("Đang xây dựng");
    }

    @Test
    void linkToAMessageHandsChannelAndSequenceToTheScript() throws Exception {
        String html = page("/chat?channel=12&seq=345", Users.OFFICIAL);

        assertThat(html).contains("data-channel=\"12\"", "data-seq=\"345\"");
    }

    @Test
    void nonsenseInTheLinkIsIgnored() throws Exception {
        String html = page("/chat?channel=-3&seq=0", Users.OFFICIAL);

        assertThat(html).doesNotContain("data-channel=", "data-seq=");
    }

    @Test
    void englishPageSpeaksEnglish() throws Exception {
        String html = mvc.perform(get("/chat?lang=en").with(Users.OFFICIAL.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Direct messages", "data-t-read-by=\"Seen by: {0}\"");
    }

    @Test
    void scriptsOfThePageAreServed() throws Exception {
        mvc.perform(get("/js/chat.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/stomp__stompjs/bundles/stomp.umd.min.js")).andExpect(status().isOk());
    }

    private String page(String path, Users user) throws Exception {
        return mvc.perform(get(path).with(user.session()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
