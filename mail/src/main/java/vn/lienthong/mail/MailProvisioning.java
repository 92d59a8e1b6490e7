package vn.lienthong.mail;

/**
 * Keeps James in step with the directory: mail domains, one account per active official, unit addresses as groups
 * of the unit's active officials, former addresses kept as aliases, default quotas. Changes follow the directory's
 * events on their own; {@link #resyncAll()} repairs whatever drifted (e.g. James was down or edited by hand).
 */
public interface MailProvisioning {

    /**
     * Brings James in line with the whole directory, after the changes already queued. Failures of single units or
     * officials are listed in the report; the rest is still done.
     *
     * @throws MailAdministrationException if James cannot be reached at all
     */
    MailSyncReport resyncAll();
}
