package vn.lienthong.app.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lienthong.directory.UnitLevel;
import vn.lienthong.meetings.EndpointSelection;
import vn.lienthong.meetings.Guest;
import vn.lienthong.meetings.MeetingDraft;

import static org.assertj.core.api.Assertions.assertThat;

/** The meeting form read into a draft, without the application: dates, guests, subtrees and repeat choices. */
class MeetingFormTests {

    /** Monday 07/12/2026, the first Monday of its month. */
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 12, 7);

    private static MeetingForm form() {
        MeetingForm form = MeetingForm.blank(LocalDateTime.of(2026, 12, 7, 7, 20), "admin.vinhloi", 5L);
        form.setTitle("Giao ban");
        return form;
    }

    @Test
    void aBlankFormProposesTheNextFullHourForOneHour() {
        MeetingForm form = form();
        assertThat(form.getDate()).isEqualTo("07/12/2026");
        assertThat(form.getStartTime()).isEqualTo("08:00");
        assertThat(form.getEndTime()).isEqualTo("09:00");
    }

    @Test
    void readsDatesGuestsSubtreesAndParticipants() {
        MeetingForm form = form();
        form.setStartTime("8:30");
        form.setEndDate("");
        form.setEndTime("10:00");
        form.setSelections(List.of("5:COMMUNE", "1:DISTRICT,COMMUNE"));
        form.setParticipants("an.nguyen, Binh.Tran; an.nguyen");
        form.setGuests("Nguyễn Văn A <a@example.com>\n\n  \"Trần B\" <b@example.com>\nc@example.com");
        Map<String, String> errors = MeetingForm.errors();

        MeetingDraft draft = form.toDraft(errors);

        assertThat(errors).isEmpty();
        assertThat(draft.start()).isEqualTo(LocalDateTime.of(2026, 12, 7, 8, 30));
        assertThat(draft.end()).isEqualTo(LocalDateTime.of(2026, 12, 7, 10, 0));
        assertThat(draft.endpointSelections()).containsExactly(new EndpointSelection(5, Set.of(UnitLevel.COMMUNE)),
                new EndpointSelection(1, Set.of(UnitLevel.DISTRICT, UnitLevel.COMMUNE)));
        assertThat(draft.participants()).containsExactly("an.nguyen", "binh.tran");
        assertThat(draft.guests()).containsExactly(new Guest("a@example.com", "Nguyễn Văn A"),
                new Guest("b@example.com", "Trần B"), new Guest("c@example.com", ""));
        assertThat(draft.recurrence()).isNull();
    }

    @Test
    void whatCannotBeReadIsRefusedInVietnameseUnderTheDraftsFieldNames() {
        MeetingForm form = form();
        form.setDate("30/02/2026");
        form.setEndTime("25:00");
        form.setSelections(List.of("x:COMMUNE"));
        form.setGuests("a b c <");
        form.setExcludedDates("14/12/2026, hôm qua");
        Map<String, String> errors = MeetingForm.errors();

        assertThat(form.toDraft(errors)).isNull();

        assertThat(errors).containsOnlyKeys("start", "end", "endpointUnitIds", "guests", "excludedDates");
        assertThat(errors.get("start")).contains("\"30/02/2026\" không phải ngày hợp lệ");
        assertThat(errors.get("end")).contains("\"25:00\" không phải giờ hợp lệ");
        assertThat(errors.get("guests")).contains("Không đọc được khách mời");
        assertThat(errors.get("excludedDates")).contains("hôm qua");
    }

    @Test
    void repeatChoicesBecomeRulesAnchoredOnTheFirstDayAndReadBack() {
        assertThat(Recurrences.rule(Recurrences.Choice.WEEKLY, FIRST_MONDAY, 10, null, null))
                .isEqualTo("FREQ=WEEKLY;BYDAY=MO;COUNT=10");
        assertThat(Recurrences.rule(Recurrences.Choice.MONTHLY_WEEKDAY, FIRST_MONDAY, null,
                LocalDate.of(2027, 6, 30), null)).isEqualTo("FREQ=MONTHLY;BYDAY=1MO;UNTIL=20270630");
        assertThat(Recurrences.rule(Recurrences.Choice.MONTHLY_WEEKDAY, LocalDate.of(2026, 12, 29), 3, null, null))
                .as("the fifth Tuesday is the last one").isEqualTo("FREQ=MONTHLY;BYDAY=-1TU;COUNT=3");
        assertThat(Recurrences.rule(Recurrences.Choice.WEEKDAYS, FIRST_MONDAY, 20, null, null))
                .isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=20");
        assertThat(Recurrences.rule(Recurrences.Choice.CUSTOM, FIRST_MONDAY, 4, null, " FREQ=DAILY;INTERVAL=2 "))
                .isEqualTo("FREQ=DAILY;INTERVAL=2");
        assertThat(Recurrences.rule(Recurrences.Choice.NONE, FIRST_MONDAY, 4, null, null)).isNull();

        // Read back as the module stores them (parts in its own order).
        assertThat(Recurrences.parse("FREQ=WEEKLY;COUNT=10;BYDAY=MO", FIRST_MONDAY))
                .isEqualTo(new Recurrences.Parsed(Recurrences.Choice.WEEKLY, 10, null));
        assertThat(Recurrences.parse("FREQ=MONTHLY;UNTIL=20270630;BYDAY=1MO", FIRST_MONDAY))
                .isEqualTo(new Recurrences.Parsed(Recurrences.Choice.MONTHLY_WEEKDAY, null, LocalDate.of(2027, 6, 30)));
        assertThat(Recurrences.parse("FREQ=DAILY;INTERVAL=2;COUNT=5", FIRST_MONDAY).choice())
                .isEqualTo(Recurrences.Choice.CUSTOM);
        assertThat(Recurrences.parse(null, FIRST_MONDAY).choice()).isEqualTo(Recurrences.Choice.NONE);
    }

    @Test
    void aRepeatWithoutAnEndAsksForOne() {
        MeetingForm form = form();
        form.setRepeat(Recurrences.Choice.WEEKLY);
        Map<String, String> errors = MeetingForm.errors();

        assertThat(form.toDraft(errors)).isNull();
        assertThat(errors).containsEntry("recurrence", "Cho biết cuộc họp lặp lại bao nhiêu lần hoặc đến ngày nào.");
    }
}
