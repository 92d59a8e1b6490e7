package vn.lienthong.meetings.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.Occurrence;
import vn.lienthong.meetings.ParticipantRole;
import vn.lienthong.meetings.PersonRef;
import vn.lienthong.meetings.ResponseStatus;
import vn.lienthong.meetings.UnitRef;

/** Meetings as their API records, for one viewer. */
@Component
class MeetingViews {

    private final Directory directory;
    private final MeetingRepository meetings;
    private final MeetingDocumentRepository documents;
    private final MeetingInvitees invitees;

    MeetingViews(Directory directory, MeetingRepository meetings, MeetingDocumentRepository documents, MeetingInvitees invitees) {
        this.directory = directory;
        this.meetings = meetings;
        this.documents = documents;
        this.invitees = invitees;
    }

    MeetingView view(MeetingAccess.Viewer viewer, Meeting meeting) {
        MeetingRecord m = meeting.record();
        ZoneId zone = m.zone();
        List<MeetingRepository.Response> responses = meetings.responses(m.id());
        Map<String, MeetingRepository.Response> seriesAnswers = new HashMap<>();
        int accepted = 0;
        int tentative = 0;
        int declined = 0;
        for (MeetingRepository.Response response : responses) {
            if (!response.occurrenceKey().isEmpty()) {
                continue;
            }
            seriesAnswers.put(response.attendee(), response);
            switch (response.status()) {
                case ACCEPTED -> accepted++;
                case TENTATIVE -> tentative++;
                case DECLINED -> declined++;
                default -> { }
            }
        }

        List<MeetingView.Endpoint> endpoints = new ArrayList<>();
        for (long unitId : meeting.endpointUnitIds()) {
            Unit unit = directory.findUnit(unitId).orElse(null);
            if (unit == null) {
                continue;
            }
            endpoints.add(new MeetingView.Endpoint(unitRef(unit), unitId == m.hostUnitId(),
                    invitees.groupAddress(unit).orElse(null)));
        }
        List<MeetingView.Participant> participants = new ArrayList<>();
        for (Meeting.Participant participant : meeting.participants()) {
            MeetingRepository.Response answer = seriesAnswers.get(participant.username());
            ResponseStatus status = answer != null ? answer.status()
                    : participant.role() == ParticipantRole.CHAIR ? ResponseStatus.ACCEPTED
                    : ResponseStatus.NEEDS_ACTION;
            participants.add(new MeetingView.Participant(person(participant.username()), participant.role(), status,
                    answer == null ? null : answer.respondedAt(), answer == null ? null : answer.comment()));
        }
        List<MeetingView.GuestView> guests = new ArrayList<>();
        for (Meeting.GuestRow guest : meeting.guests()) {
            MeetingRepository.Response answer = seriesAnswers.get(mailto(guest.email()));
            guests.add(new MeetingView.GuestView(guest.email(), guest.name(),
                    answer == null ? ResponseStatus.NEEDS_ACTION : answer.status(),
                    answer == null ? null : answer.respondedAt()));
        }
        List<LocalDate> excluded = meeting.exceptions().stream().filter(OccurrenceRecord::cancelled)
                .map(e -> e.originalStart().atZone(zone).toLocalDate()).toList();

        boolean invited = viewer.invited(meeting);
        ResponseStatus mine = null;
        if (invited) {
            MeetingRepository.Response answer = seriesAnswers.get(viewer.username());
            mine = answer != null ? answer.status()
                    : viewer.chair(m) ? ResponseStatus.ACCEPTED : ResponseStatus.NEEDS_ACTION;
        }
        MeetingView.Permissions you = new MeetingView.Permissions(invited, viewer.manager(m), viewer.moderator(m),
                viewer.recorder(m), mine);
        Unit host = directory.findUnit(m.hostUnitId()).orElse(null);
        return new MeetingView(m.id(), m.uid(), m.title(), m.agenda(), m.startAt().atZone(zone),
                m.endAt().atZone(zone), m.recurrence(), excluded, host == null ? null : unitRef(host),
                person(m.chair()), m.visibility(), m.status(), m.sequence(), endpoints, participants, guests,
                new MeetingView.ResponseCounts(accepted, tentative, declined),
                documents.documents(m.id()).stream().map(MeetingDocumentRepository.StoredDocument::view).toList(),
                documents.hasMinutes(m.id()), m.lobby(), m.maxOccupants(), m.createdBy(), m.createdAt(),
                m.updatedAt(), m.cancelReason(), you);
    }

    Occurrence occurrence(MeetingRecord meeting, Schedule.Slot slot) {
        ZoneId zone = meeting.zone();
        return new Occurrence(slot.single() ? null : slot.key(), slot.start().atZone(zone), slot.end().atZone(zone),
                slot.originalStart().atZone(zone), slot.cancelled(), slot.moved());
    }

    PersonRef person(String username) {
        Official official = directory.findOfficialByUsername(username).orElse(null);
        if (official == null) {
            return new PersonRef(username, username, "", "", "");
        }
        String unitName = directory.findUnit(official.unitId()).map(Unit::name).orElse("");
        return new PersonRef(official.username(), official.fullName(), official.title(), official.email(), unitName);
    }

    static UnitRef unitRef(Unit unit) {
        return new UnitRef(unit.id(), unit.code(), unit.name(), unit.level());
    }

    /** How answers of guests (and unmatched addresses) are keyed. */
    static String mailto(String email) {
        return "mailto:" + email.toLowerCase(Locale.ROOT);
    }
}
