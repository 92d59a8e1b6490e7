package vn.lienthong.chat.internal;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.chat.ChannelSummary;
import vn.lienthong.chat.ChatAdministration;
import vn.lienthong.chat.ChatException;
import vn.lienthong.chat.MessageAudit;
import vn.lienthong.chat.UnitChannelSyncReport;

/**
 * Administrators' chat API under {@code /api/v1/admin/chat} (the {@code /api/*}{@code /admin/**} rule of the API
 * chain already requires a system or unit administrator; each call checks the finer scope).
 */
@RestController
@RequestMapping("/api/v1/admin/chat")
class ChatAdminApiController {

    private final ChatAdministration administration;
    private final People people;

    ChatAdminApiController(ChatAdministration administration, People people) {
        this.administration = administration;
        this.people = people;
    }

    @PostMapping("/announcements")
    @ResponseStatus(HttpStatus.CREATED)
    ChannelSummary announcement(@RequestBody AnnouncementBody body, Principal user) {
        return administration.createAnnouncement(user.getName(), body.title(),
                body.members() == null ? List.of() : body.members(),
                body.posters() == null ? List.of() : body.posters());
    }

    @GetMapping("/channels/{channelId}/messages/{sequence}/audit")
    List<MessageAudit> audit(@PathVariable long channelId, @PathVariable long sequence, Principal user) {
        return administration.auditTrail(user.getName(), channelId, sequence);
    }

    /** System administrators only: re-syncs every unit channel with the directory. */
    @PostMapping("/unit-channels/resync")
    UnitChannelSyncReport resync(Principal user) {
        if (!people.isSystemAdmin(user.getName())) {
            throw new ChatException(ChatException.Reason.FORBIDDEN, "Chỉ quản trị hệ thống mới đồng bộ lại được.");
        }
        return administration.resyncUnitChannels();
    }

    record AnnouncementBody(String title, List<String> members, List<String> posters) {
    }
}
