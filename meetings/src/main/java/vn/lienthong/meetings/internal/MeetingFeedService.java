package vn.lienthong.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.directory.Official;
import vn.lienthong.meetings.CalendarFeeds;
import vn.lienthong.meetings.FeedStatus;
import vn.lienthong.meetings.NewFeed;

/**
 * {@link CalendarFeeds}: one token per official, kept as its SHA-256 only ({@code meet_feed_token}). The feed holds
 * the meetings the official is invited to from {@value #PAST_DAYS} days back to {@value #FUTURE_DAYS} days ahead,
 * series as RRULEs (the calendar program expands them), cancelled ones with STATUS:CANCELLED, without the list of
 * attendees. A deactivated official's feed answers nothing.
 */
@Service
class MeetingFeedService implements CalendarFeeds {

    static final int PAST_DAYS = 60;
    static final int FUTURE_DAYS = 400;

    private final JdbcClient jdbc;
    private final MeetingAccess access;
    private final MeetingRepository meetings;
    private final InvitationMail invitations;
    private final MeetingLinks links;
    private final MeetingsSettings settings;
    private final MeetingClock clock;
    private final TransactionTemplate transactions;

    MeetingFeedService(JdbcClient jdbc, MeetingAccess access, MeetingRepository meetings, InvitationMail invitations,
                MeetingLinks links, MeetingsSettings settings, MeetingClock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.access = access;
        this.meetings = meetings;
        this.invitations = invitations;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public FeedStatus status(String username) {
        MeetingAccess.Viewer viewer = access.viewer(username);
        return jdbc.sql("select created_at, last_used_at from meet_feed_token where username = ?")
                .param(viewer.username())
                .query((rs, n) -> new FeedStatus(true, Timestamps.out(rs, "created_at"),
                        Timestamps.out(rs, "last_used_at")))
                .optional().orElse(new FeedStatus(false, null, null));
    }

    @Override
    public NewFeed rotate(String username) {
        MeetingAccess.Viewer viewer = access.viewer(username);
        String token = Secrets.token();
        String hash = Secrets.sha256(token);
        Instant now = clock.now();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from meet_feed_token where username = ?").param(viewer.username()).update();
            jdbc.sql("insert into meet_feed_token (username, token_hash, created_at) values (?, ?, ?)")
                    .params(viewer.username(), hash, Timestamps.in(now)).update();
        });
        return new NewFeed(links.feed(token), token);
    }

    @Override
    public void revoke(String username) {
        MeetingAccess.Viewer viewer = access.viewer(username);
        jdbc.sql("delete from meet_feed_token where username = ?").param(viewer.username()).update();
    }

    /** The feed of the token's official as iCalendar text; empty for an unknown or revoked token. */
    Optional<String> feed(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Optional<String> username = jdbc.sql("select username from meet_feed_token where token_hash = ?")
                .param(hash).query(String.class).optional();
        if (username.isEmpty()) {
            return Optional.empty();
        }
        Optional<Official> official = access.findOfficial(username.get()).filter(Official::active);
        if (official.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.now();
        jdbc.sql("update meet_feed_token set last_used_at = ? where token_hash = ?")
                .params(Timestamps.in(now), hash).update();
        MeetingAccess.Viewer owner = access.viewer(official.get().username());
        Instant from = now.minus(Duration.ofDays(PAST_DAYS));
        Instant to = now.plus(Duration.ofDays(FUTURE_DAYS));
        Set<Long> ids = new LinkedHashSet<>(meetings.idsByParticipants(List.of(owner.username()), from, to,
                settings.maxDuration()));
        ids.addAll(meetings.idsByEndpoints(owner.endpointUnits(), from, to, settings.maxDuration()));
        List<Map.Entry<Meeting, ICalendars.Details>> entries = new ArrayList<>();
        meetings.loadAll(ids).values().stream()
                .filter(owner::invited)
                .sorted(Comparator.comparing((Meeting m) -> m.record().startAt()))
                .forEach(m -> entries.add(new AbstractMap.SimpleEntry<>(m, invitations.details(m, List.of(), null))));
        return Optional.of(ICalendars.publish("Lịch họp – " + official.get().fullName(), settings.timeZone(),
                entries, now));
    }
}
