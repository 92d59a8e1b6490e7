package vn.lienthong.meetings.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Part of a meeting's invitees, by what defines them: named officials, endpoint units, guest addresses. Queued work
 * carries it as text ({@code u:a,b|n:1,2|e:x@y.vn}) to cancel for those taken off a meeting.
 */
record Targets(List<String> usernames, List<Long> unitIds, List<String> emails) {

    Targets {
        usernames = List.copyOf(usernames);
        unitIds = List.copyOf(unitIds);
        emails = List.copyOf(emails);
    }

    boolean isEmpty() {
        return usernames.isEmpty() && unitIds.isEmpty() && emails.isEmpty();
    }

    String encode() {
        return "u:" + String.join(",", usernames) + "|n:"
                + String.join(",", unitIds.stream().map(String::valueOf).toList()) + "|e:" + String.join(",", emails);
    }

    static Targets decode(String text) {
        List<String> usernames = new ArrayList<>();
        List<Long> unitIds = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (String part : text.split("\\|")) {
            if (part.length() < 2) {
                continue;
            }
            String values = part.substring(2);
            for (String value : values.split(",")) {
                if (value.isBlank()) {
                    continue;
                }
                switch (part.charAt(0)) {
                    case 'u' -> usernames.add(value);
                    case 'n' -> unitIds.add(Long.valueOf(value));
                    case 'e' -> emails.add(value);
                    default -> { }
                }
            }
        }
        return new Targets(usernames, unitIds, emails);
    }
}
