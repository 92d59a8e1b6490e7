package vn.lienthong.mail.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Makes a received HTML body safe to show: an allow-list of formatting elements and attributes (so no scripts, no
 * styles sheets, no {@code on*} handlers, no frames or forms), links only to http, https and mailto, and remote
 * images held back: their address moves from {@code src} to {@code data-remote-src} until the reader asks for them.
 */
final class HtmlSanitizer {

    record Result(String html, boolean remoteImages) {
    }

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addAttributes("img", "data-remote-src")
            .addAttributes(":all", "dir", "align")
            .addProtocols("img", "src", "cid", "data");

    private HtmlSanitizer() {
    }

    /**
     * An HTML body the official wrote, made safe to send: the same allow-list, images left as they are (the
     * recipients' readers hold remote ones back themselves).
     */
    static String forSending(String html) {
        Document clean = Jsoup.parseBodyFragment(Jsoup.clean(html, ALLOWED));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    static Result sanitise(String html) {
        Document clean = Jsoup.parseBodyFragment(Jsoup.clean(html, ALLOWED));
        boolean remote = false;
        for (Element image : clean.select("img[src]")) {
            String src = image.attr("src").strip();
            String lower = src.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//")) {
                image.removeAttr("src");
                image.attr("data-remote-src", src);
                remote = true;
            }
        }
        for (Element link : clean.select("a[href]")) {
            link.attr("rel", "noopener noreferrer nofollow");
            link.attr("target", "_blank");
        }
        clean.outputSettings().prettyPrint(false);
        return new Result(clean.body().html(), remote);
    }
}
