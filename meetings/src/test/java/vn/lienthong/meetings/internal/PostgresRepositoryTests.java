package vn.lienthong.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.directory.testsupport.LocalPostgres;
import vn.lienthong.meetings.MeetingStatus;
import vn.lienthong.meetings.ParticipantRole;
import vn.lienthong.meetings.ResponseStatus;
import vn.lienthong.meetings.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's SQL on a real PostgreSQL 15 (directory's {@link LocalPostgres}, the suite's migrations applied by
 * Flyway): no Spring context, the repositories over a plain data source. The same statements run on H2 in every other
 * test.
 */
class PostgresRepositoryTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final AtomicLong NEXT = new AtomicLong();

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static MeetingRepository meetings;
    private static MeetingOutbox outbox;

    @BeforeAll
    static void database() {
        LocalPostgres postgres = LocalPostgres.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop schema if exists meetings_test cascade").update();
        jdbc.sql("create schema meetings_test").update();
        dataSource.setUrl(postgres.jdbcUrl() + "?currentSchema=meetings_test");
        Flyway.configure().dataSource(dataSource).schemas("meetings_test").locations("classpath:db/migration")
                .outOfOrder(true).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ApplicationEventPublisher events = event -> { };
        meetings = new MeetingRepository(jdbc);
        outbox = new MeetingOutbox(jdbc, events);
    }

    @Test
    void meetingWithEverythingIsWrittenFoundByCalendarRangesAndLocked() {
        Instant start = Instant.parse("2027-03-01T01:00:00Z");
        long id = insert(start, null, List.of(11L, 12L));

        Meeting loaded = meetings.load(id).orElseThrow();
        assertThat(loaded.endpointUnitIds()).containsExactly(11L, 12L);
        assertThat(loaded.participants()).extracting(Meeting.Participant::role)
                .containsExactly(ParticipantRole.CHAIR, ParticipantRole.PARTICIPANT);
        assertThat(loaded.record().startAt()).isEqualTo(start);
        assertThat(meetings.idsByEndpoints(List.of(12L), start.minusSeconds(3600), start.plusSeconds(600),
                Duration.ofHours(24))).containsExactly(id);
        assertThat(meetings.idsByEndpoints(List.of(12L), start.plusSeconds(7200), start.plusSeconds(9000),
                Duration.ofHours(24))).isEmpty();
        assertThat(meetings.idsByParticipants(List.of("pg.member"), start, start.plusSeconds(60),
                Duration.ofHours(24))).containsExactly(id);
        Long locked = transactions.execute(status -> meetings.lock(id).orElseThrow().id());
        assertThat(locked).isEqualTo(id);
    }

    @Test
    void seriesWithoutEndIsFoundInAnyLaterWindowAndExceptionsAreReplaced() {
        Instant start = Instant.parse("2027-04-05T01:00:00Z");
        long id = insert(start, "FREQ=WEEKLY;BYDAY=MO", List.of(21L));
        Instant second = start.plus(7, ChronoUnit.DAYS);

        meetings.putException(id, new OccurrenceRecord(Timestamps.key(second), second, true, null, null, "x"), start);
        meetings.putException(id, new OccurrenceRecord(Timestamps.key(second), second, false,
                second.plusSeconds(3600), second.plusSeconds(7200), null), start);

        assertThat(meetings.idsByEndpoints(List.of(21L), start.plus(400, ChronoUnit.DAYS),
                start.plus(401, ChronoUnit.DAYS), Duration.ofHours(24))).containsExactly(id);
        assertThat(meetings.load(id).orElseThrow().exceptions()).singleElement()
                .satisfies(e -> assertThat(e.moved()).isTrue());
    }

    @Test
    void guestLinksAreFoundByTheirHashRemovedPerGuestAndRevokedTogether() {
        long id = insert(Instant.parse("2027-06-07T01:00:00Z"), null, List.of(41L));
        GuestLinks links = new GuestLinks(jdbc);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String kept = links.issue(id, "giu@vnpt.vn", now);
        String gone = links.issue(id, "bo@vnpt.vn", now);

        assertThat(links.find(kept)).hasValueSatisfying(link -> {
            assertThat(link.meetingId()).isEqualTo(id);
            assertThat(link.email()).isEqualTo("giu@vnpt.vn");
            assertThat(link.revokedAt()).isNull();
        });
        links.removeAllBut(id, List.of("giu@vnpt.vn"));
        assertThat(links.find(gone)).isEmpty();
        links.revokeAll(id, now);
        assertThat(links.find(kept)).hasValueSatisfying(link -> assertThat(link.revokedAt()).isEqualTo(now));
        links.removeAllBut(id, List.of());
        assertThat(links.find(kept)).isEmpty();
    }

    @Test
    void answersAreUpsertedAndTheOutboxClaimsOnce() {
        long id = insert(Instant.parse("2027-05-03T01:00:00Z"), null, List.of(31L));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        meetings.putResponse(id, new MeetingRepository.Response("pg.member", "", ResponseStatus.ACCEPTED, null, "WEB",
                now));
        meetings.putResponse(id, new MeetingRepository.Response("pg.member", "", ResponseStatus.DECLINED, "bận",
                "MAIL", now.plusSeconds(1)));
        assertThat(meetings.responses(id)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ResponseStatus.DECLINED);
            assertThat(r.via()).isEqualTo("MAIL");
        });

        outbox.enqueue(MeetingOutbox.Kind.INVITE, id, "", "", now);
        outbox.enqueue(MeetingOutbox.Kind.INVITE, id, "", "", now);
        List<MeetingOutbox.Work> due = outbox.due(now.plusSeconds(1), 50).stream()
                .filter(w -> w.meetingId() == id).toList();
        assertThat(due).hasSize(2);
        assertThat(outbox.claim(due.get(0).id(), now, now.plusSeconds(300))).isTrue();
        assertThat(outbox.claim(due.get(0).id(), now, now.plusSeconds(300))).isFalse();
        assertThat(outbox.hasNewer(due.get(0))).isTrue();
        outbox.done(due.get(0).id(), "SUPERSEDED", null, now);
        assertThat(outbox.pending(id)).isEqualTo(1);

        int first = jdbc.sql("insert into meet_reminder (meeting_id, start_key, claimed_at) values (?, ?, ?) "
                + "on conflict do nothing").params(id, "20270503T010000Z", Timestamps.in(now)).update();
        int again = jdbc.sql("insert into meet_reminder (meeting_id, start_key, claimed_at) values (?, ?, ?) "
                + "on conflict do nothing").params(id, "20270503T010000Z", Timestamps.in(now)).update();
        assertThat(List.of(first, again)).containsExactly(1, 0);
    }

    private static long insert(Instant start, String rule, List<Long> endpoints) {
        long n = NEXT.incrementAndGet();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        MeetingRecord record = new MeetingRecord(0, "pg-" + n + "-" + System.nanoTime() + "@test", "Họp " + n, "",
                start, start.plusSeconds(3600), ZONE, rule, start, rule == null ? start.plusSeconds(3600) : null, 1,
                "pg.chair", Visibility.PUBLIC_TO_UNITS, MeetingStatus.SCHEDULED, 0, "ltpg" + n + System.nanoTime(),
                false, null, "pg.chair", now, now, null, null);
        return transactions.execute(status -> {
            long id = meetings.insert(record);
            MeetingRecord saved = meetings.find(id).orElseThrow();
            meetings.replaceEndpoints(id, endpoints, saved);
            meetings.replaceParticipants(id, List.of(new Meeting.Participant("pg.chair", ParticipantRole.CHAIR),
                    new Meeting.Participant("pg.member", ParticipantRole.PARTICIPANT)), saved);
            meetings.replaceGuests(id, List.of(new Meeting.GuestRow("khach@example.com", "Khách")));
            return id;
        });
    }
}
