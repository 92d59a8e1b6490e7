package vn.lienthong.app.meetings;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.lienthong.app.shell.DateFormatting;
import vn.lienthong.directory.Official;
import vn.lienthong.meetings.ConflictWarning;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.MeetingSaved;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.Meetings;

/**
 * The new/edit meeting form. Saving first asks the meetings module for double bookings (the chair or an endpoint
 * already booked then): when there are any, the form comes back with them and a "save anyway" button, so the
 * scheduler always sees them before the meeting is saved. The page's script also shows them while the form is
 * filled in ({@code POST /meetings/form/conflicts}, an htmx fragment). Refusals come back on the form, in
 * Vietnamese, next to the field, with everything typed kept.
 */
@Controller
class MeetingFormPages {

    private final Meetings meetings;
    private final EndpointPicker picker;
    private final DateFormatting.Dates dates;

    MeetingFormPages(Meetings meetings, EndpointPicker picker, DateFormatting formatting) {
        this.meetings = meetings;
        this.picker = picker;
        this.dates = formatting.dates();
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/meetings/new")
    String create(Authentication authentication, Model model) {
        Official me = picker.official(authentication);
        List<EndpointPicker.HostChoice> hosts = picker.hosts(authentication);
        Long host = hosts.isEmpty() ? null : hosts.get(0).unit().id();
        MeetingForm form = MeetingForm.blank(LocalDateTime.now(dates.zone()), me.username(), host);
        if (host != null) {
            form.getEndpointUnitIds().add(host);
        }
        return page(form, null, Map.of(), List.of(), authentication, model);
    }

    @GetMapping("/meetings/{id}/edit")
    String edit(@PathVariable long id, Authentication authentication, Model model) {
        MeetingView meeting = meetings.meeting(authentication.getName(), id);
        if (!meeting.you().manager()) {
            throw new MeetingException(MeetingException.Reason.FORBIDDEN, "Bạn không có quyền sửa cuộc họp này.");
        }
        return page(MeetingForm.of(meeting), meeting, Map.of(), List.of(), authentication, model);
    }

    @PostMapping("/meetings")
    String save(@ModelAttribute("form") MeetingForm form, BindingResult binding, Authentication authentication,
                Model model, RedirectAttributes redirect) {
        return submit(null, form, binding, authentication, model, redirect);
    }

    @PostMapping("/meetings/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") MeetingForm form, BindingResult binding,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        return submit(id, form, binding, authentication, model, redirect);
    }

    /** The double bookings of the form as it is now, as a fragment for the form's warning box. */
    @PostMapping("/meetings/form/conflicts")
    String conflicts(@ModelAttribute("form") MeetingForm form, BindingResult binding,
                     @RequestParam(name = "meetingId", required = false) Long meetingId, Authentication authentication,
                     Model model) {
        Map<String, String> errors = MeetingForm.errors();
        MeetingDraft draft = binding.hasErrors() ? null : form.toDraft(errors);
        List<ConflictWarning> warnings = List.of();
        if (draft != null) {
            try {
                warnings = meetings.conflicts(authentication.getName(), draft, meetingId);
            }
            catch (MeetingException refused) {
                // An incomplete form: the check waits until saving says what is missing.
            }
        }
        model.addAttribute("warnings", warnings);
        model.addAttribute("asked", false);
        return "meetings/form :: conflicts";
    }

    private String submit(Long id, MeetingForm form, BindingResult binding, Authentication authentication,
                          Model model, RedirectAttributes redirect) {
        String username = authentication.getName();
        MeetingView existing = id == null ? null : meetings.meeting(username, id);
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(draftField(error.getField()), unreadable(error.getField()));
        }
        MeetingDraft draft = errors.isEmpty() ? form.toDraft(errors) : null;
        if (draft == null) {
            return page(form, existing, errors, List.of(), authentication, model);
        }
        try {
            if (!form.isAcknowledgeConflicts()) {
                List<ConflictWarning> warnings = meetings.conflicts(username, draft, id);
                if (!warnings.isEmpty()) {
                    model.addAttribute("asked", true);
                    return page(form, existing, errors, warnings, authentication, model);
                }
            }
            MeetingSaved saved = id == null ? meetings.schedule(username, draft) : meetings.update(username, id, draft);
            redirect.addFlashAttribute("notice", id == null ? "meetings.notice.scheduled" : "meetings.notice.updated");
            return "redirect:/meetings/" + saved.meeting().id();
        }
        catch (MeetingException refused) {
            if (refused.reason() == MeetingException.Reason.NOT_FOUND) {
                throw refused;
            }
            if (refused.field() != null) {
                errors.put(refused.field(), refused.getMessage());
            }
            else {
                model.addAttribute("errorText", refused.getMessage());
            }
            return page(form, existing, errors, List.of(), authentication, model);
        }
    }

    private String page(MeetingForm form, MeetingView existing, Map<String, String> errors,
                        List<ConflictWarning> warnings, Authentication authentication, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("warnings", warnings);
        model.addAttribute("hosts", picker.hosts(authentication));
        model.addAttribute("tree", picker.tree());
        model.addAttribute("repeatChoices", Recurrences.Choice.values());
        if (!model.containsAttribute("asked")) {
            model.addAttribute("asked", false);
        }
        return "meetings/form";
    }

    /** Form fields that failed to bind (a number that is not one) under the draft's field names. */
    private static String draftField(String field) {
        return switch (field) {
            case "repeatCount", "repeat" -> "recurrence";
            case "hostUnitId" -> "hostUnitId";
            case "maxOccupants" -> "maxOccupants";
            case "endpointUnitIds" -> "endpointUnitIds";
            case "visibility" -> "visibility";
            default -> field;
        };
    }

    private static String unreadable(String field) {
        return switch (field) {
            case "repeatCount" -> "Số lần lặp phải là một số, ví dụ 10.";
            case "maxOccupants" -> "Số người tối đa phải là một số, ví dụ 100.";
            default -> "Giá trị không hợp lệ.";
        };
    }
}
