package vn.lienthong.app.mail;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The document of a message's HTML body, shown in a sandboxed frame of the reading page.
 *
 * <p>Why a frame, when the HTML is already the mail module's allow-list output: the allow-list is the first wall,
 * the frame is the second. The frame's document comes from its own same-origin URL with its own policy: no script
 * at all ({@code default-src 'none'}, and the {@code sandbox} without {@code allow-scripts}), no forms, no plugins,
 * images only {@code data:} and {@code cid:} until the official asks for remote ones, and the mail's inline styles
 * allowed there only, never in the app's own pages (whose policy stays without {@code 'unsafe-inline'}). The mail's
 * CSS cannot restyle the webmail, and a sanitiser bug alone cannot run script in the app's origin. The frame keeps
 * {@code allow-same-origin} (harmless without scripts) so that the page's own script can size it to its content;
 * links open in a new tab outside the sandbox.
 */
final class MessageFrame {

    /** The sandbox flags, the same in the {@code iframe} attribute and in the document's policy. */
    static final String SANDBOX = "allow-same-origin allow-popups allow-popups-to-escape-sandbox";

    private static final String STYLE = "html{color-scheme:light}body{margin:0;padding:.25rem;font:15px/1.5 "
            + "system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;color:#212529;"
            + "overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:.5rem 0 .5rem .25rem;"
            + "padding-left:.75rem;border-left:3px solid #ced4da;color:#495057}pre{white-space:pre-wrap}"
            + "table{max-width:100%}a{color:#0b5394}";

    private MessageFrame() {
    }

    /**
     * The frame's policy: only images and inline styles, nothing that runs; remote images ({@code http:},
     * {@code https:}) only when {@code remoteImages}.
     */
    static String contentSecurityPolicy(boolean remoteImages) {
        return "default-src 'none'; img-src data: cid:" + (remoteImages ? " http: https:" : "")
                + "; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'self'; sandbox " + SANDBOX;
    }

    /**
     * A whole HTML document around the sanitised body. With {@code remoteImages}, images the sanitiser held back
     * ({@code data-remote-src}) get their web address back, and only a web address.
     */
    static String document(String sanitisedHtml, boolean remoteImages, String language) {
        Document document = Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><base target=\"_blank\"></head><body></body></html>");
        document.outputSettings().prettyPrint(false);
        document.selectFirst("html").attr("lang", language);
        document.head().appendElement("style").text(STYLE);
        document.body().html(sanitisedHtml == null ? "" : sanitisedHtml);
        // Belt and braces: whatever reached this point, nothing that runs or embeds leaves it.
        document.body().select("script, iframe, frame, object, embed, form, base, meta, link, style").remove();
        for (Element element : document.body().getAllElements()) {
            element.attributes().asList().stream()
                    .filter(attribute -> attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on"))
                    .forEach(attribute -> element.removeAttr(attribute.getKey()));
        }
        for (Element image : document.body().select("img[data-remote-src]")) {
            String address = image.attr("data-remote-src").strip();
            if (remoteImages && isWebAddress(address)) {
                image.attr("src", address.startsWith("//") ? "https:" + address : address);
                image.removeAttr("data-remote-src");
            }
        }
        for (Element link : document.body().select("a[href]")) {
            link.attr("target", "_blank").attr("rel", "noopener noreferrer nofollow");
        }
        return document.outerHtml();
    }

    private static boolean isWebAddress(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
    }
}
