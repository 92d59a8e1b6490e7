package vn.lienthong.chat.internal;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** File sizes as Vietnamese readers write them: "20 MB", "1,5 MB", "1,01 MB", "800 KB", "12 byte". */
final class Sizes {

    private static final long KB = 1024;
    private static final long MB = KB * 1024;

    private Sizes() {
    }

    static String vietnamese(long bytes) {
        DecimalFormat format = new DecimalFormat("#,##0.##",
                DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi")));
        // Up, never down: a file just over a 1 MB limit reads "1,01 MB", not "1 MB".
        format.setRoundingMode(RoundingMode.CEILING);
        if (bytes >= MB) {
            return format.format(bytes / (double) MB) + " MB";
        }
        if (bytes >= KB) {
            return format.format(bytes / (double) KB) + " KB";
        }
        return bytes + " byte";
    }
}
