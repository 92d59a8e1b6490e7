package vn.lienthong.meetings.internal;

import java.util.Set;

/** Carries out one kind of queued work; throwing means "try again later". */
interface Delivery {

    Set<MeetingOutbox.Kind> kinds();

    /** Does the work; answers the outcome recorded ({@code SENT} or {@code SKIPPED}). */
    String deliver(MeetingOutbox.Work work) throws Exception;
}
