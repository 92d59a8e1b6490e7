package vn.lienthong.meetings.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Attachment;
import vn.lienthong.archive.Reader;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/**
 * Meetings in the archive (source {@value #SOURCE}, id the meeting's id, url {@code /meetings/{id}}): title, agenda,
 * time, chair, host and endpoints, the minutes of every occurrence, and the documents as attachments (their text
 * extracted by the archive). Readers: the chair, the named participants and the organiser
 * ({@code official:<username>}); for a public meeting also {@code unit:<code>} of every unit its endpoints reach.
 * Put after each change from the outbox; {@link #refeed} puts them all again for a rebuild.
 */
@Component
class MeetingArchive implements Delivery, ArchiveFeeder {

    static final String SOURCE = "meeting";

    private static final Logger log = LoggerFactory.getLogger(MeetingArchive.class);

    private final Archive archive;
    private final MeetingRepository meetings;
    private final MeetingDocumentRepository documents;
    private final MeetingDocumentStore store;
    private final Directory directory;
    private final MeetingAccess access;

    MeetingArchive(Archive archive, MeetingRepository meetings, MeetingDocumentRepository documents, MeetingDocumentStore store,
                   Directory directory, MeetingAccess access) {
        this.archive = archive;
        this.meetings = meetings;
        this.documents = documents;
        this.store = store;
        this.directory = directory;
        this.access = access;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void refeed(Archive target) {
        List<Long> ids = meetings.allIds();
        for (int i = 0; i < ids.size(); i += 100) {
            meetings.loadAll(ids.subList(i, Math.min(ids.size(), i + 100))).values()
                    .forEach(meeting -> target.put(item(meeting)));
        }
    }

    @Override
    public Set<MeetingOutbox.Kind> kinds() {
        return Set.of(MeetingOutbox.Kind.ARCHIVE);
    }

    @Override
    public String deliver(MeetingOutbox.Work work) {
        Meeting meeting = meetings.load(work.meetingId()).orElse(null);
        if (meeting == null) {
            archive.delete(SOURCE, Long.toString(work.meetingId()));
            return "SENT";
        }
        archive.put(item(meeting));
        return "SENT";
    }

    ArchiveItem item(Meeting meeting) {
        MeetingRecord m = meeting.record();
        Official chair = directory.findOfficialByUsername(m.chair()).orElse(null);
        String host = directory.findUnit(m.hostUnitId()).map(Unit::name).orElse("");
        List<String> endpointNames = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        Set<String> readerCodes = new LinkedHashSet<>();
        for (long unitId : meeting.endpointUnitIds()) {
            directory.findUnit(unitId).ifPresent(unit -> {
                endpointNames.add(unit.name());
                codes.add(unit.code());
            });
            if (m.isPublic()) {
                access.reach(unitId).forEach(unit -> readerCodes.add(unit.code()));
            }
        }
        StringBuilder body = new StringBuilder();
        body.append(Formats.span(m.startAt(), m.endAt(), m.zone()));
        if (m.recurring()) {
            body.append(" (").append(Formats.recurrence(m.recurrence(), m.zone())).append(')');
        }
        body.append("\nĐơn vị chủ trì: ").append(host);
        body.append("\nChủ trì: ").append(chair == null ? m.chair() : chair.fullName());
        body.append("\nĐiểm cầu: ").append(String.join(", ", endpointNames));
        if (!m.agenda().isBlank()) {
            body.append("\n\n").append(m.agenda());
        }
        for (MeetingDocumentRepository.MinutesRow minutes : documents.allMinutes(m.id())) {
            if (minutes.body().isBlank()) {
                continue;
            }
            body.append("\n\nBiên bản");
            Instant original = Timestamps.parseKey(minutes.occurrenceKey());
            if (original != null) {
                body.append(" buổi ").append(Formats.DATE.format(original.atZone(m.zone())));
            }
            body.append(":\n").append(minutes.body());
        }
        ArchiveItem.Builder item = ArchiveItem.builder(SOURCE, Long.toString(m.id()))
                .title(m.cancelled() ? "[Đã huỷ] " + m.title() : m.title())
                .body(body.toString())
                .author(chair == null ? m.chair() : chair.fullName() + " <" + chair.email() + ">")
                .time(m.startAt())
                .url("/meetings/" + m.id())
                .units(codes.toArray(String[]::new));
        for (MeetingDocumentRepository.StoredDocument document : documents.documents(m.id())) {
            try {
                item.attachment(Attachment.ofContent(document.view().name(),
                        store.read(m.id(), document.storageName())));
            }
            catch (IOException ex) {
                log.warn("Tài liệu {} của cuộc họp {} không đọc được, chỉ lưu tên (document unreadable, indexed "
                        + "by name)", document.view().id(), m.id(), ex);
                item.attachment(Attachment.ofText(document.view().name(), ""));
            }
        }
        Set<Reader> readers = new LinkedHashSet<>();
        meeting.participants().forEach(p -> readers.add(Reader.official(p.username())));
        readers.add(Reader.official(m.createdBy()));
        readerCodes.forEach(code -> readers.add(Reader.unit(code)));
        return item.readers(readers).build();
    }
}
