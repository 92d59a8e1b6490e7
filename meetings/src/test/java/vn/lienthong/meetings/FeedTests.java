package vn.lienthong.meetings;

import java.io.StringReader;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The private, revocable iCalendar feed: served without login to whoever has the token, stored only hashed. */
class FeedTests extends MeetingsTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void feedServesTheOfficialsMeetingsToACalendarProgramWithoutLogin() throws Exception {
        Official official = newOfficial("BL-VL-CT");
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp trong lịch điện thoại",
                at(5, 8), at(5, 9), unit("BL-VL").id(), VINH_LOI_ADMIN)
                .withParticipants(List.of(official.username()))).meeting();
        NewFeed feed = feeds.rotate(official.username());

        String ics = mvc.perform(get("/calendar/feed/" + feed.token() + ".ics"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/calendar;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(feed.url()).isEqualTo("http://127.0.0.1:18080/calendar/feed/" + feed.token() + ".ics");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(ics).contains("UID:" + meeting.uid(), "SUMMARY:Họp trong lịch điện thoại",
                "X-WR-CALNAME:Lịch họp – " + official.fullName());
        assertThat(ics).doesNotContain("ATTENDEE");
        String stored = jdbc.sql("select token_hash from meet_feed_token where username = ?")
                .param(official.username()).query(String.class).single();
        assertThat(stored).hasSize(64).isNotEqualTo(feed.token()).doesNotContain(feed.token());
        assertThat(feeds.status(official.username()).lastUsedAt()).isNotNull();
    }

    @Test
    void rotatedAndRevokedAddressesStopWorking() throws Exception {
        Official official = newOfficial("BL-VL-CT");
        NewFeed first = feeds.rotate(official.username());
        NewFeed second = feeds.rotate(official.username());

        mvc.perform(get("/calendar/feed/" + first.token() + ".ics")).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/feed/" + second.token() + ".ics")).andExpect(status().isOk());

        feeds.revoke(official.username());

        mvc.perform(get("/calendar/feed/" + second.token() + ".ics")).andExpect(status().isNotFound());
        assertThat(feeds.status(official.username()).active()).isFalse();
    }

    @Test
    void feedIsManagedOverTheApiByItsOwnerOnly() throws Exception {
        Official official = newOfficial("BL-VL-HH");

        String token = mvc.perform(post("/api/v1/meetings/feed").with(user(official.username()).roles("OFFICIAL"))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").isString())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/meetings/feed").with(user(official.username()).roles("OFFICIAL")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        mvc.perform(get("/api/v1/meetings/feed")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/meetings/feed").with(user(official.username()).roles("OFFICIAL")).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(token).contains("\"token\"");
        assertThat(feeds.status(official.username()).active()).isFalse();
    }
}
