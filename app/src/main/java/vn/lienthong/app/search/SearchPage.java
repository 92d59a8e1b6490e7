package vn.lienthong.app.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchSort;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Unit;

/**
 * What the search page shows, ready for the template: hits with their labels and links, the source tabs, the order
 * links, the facets as links that narrow the query (a unit adds {@code unit:CODE}, a month adds
 * {@code after:}/{@code before:}, so the query box always says what is searched), and the pages.
 *
 * @param error   the archive's message for a malformed query, or {@code null}
 * @param result  {@code null} when nothing was searched (no query and no source) or the query is malformed
 */
// Public, with public parts, for the template's expressions (they call methods reflectively).
public record SearchPage(String query, Set<String> sources, SearchSort sort, int page, SearchResult result, String error,
                  List<HitView> hits, List<Link> sourceTabs, List<Link> sortLinks, List<Link> sourceFacets,
                  List<Link> unitFacets, List<Link> monthFacets, int pages, Link previous, Link next) {

    /** Sources every installation has, offered as tabs even before they hold anything. */
    static final List<String> KNOWN_SOURCES = List.of("mail", "chat", "meeting", "directory");

    public boolean searched() {
        return result != null;
    }

    public boolean hasFacets() {
        return !sourceFacets.isEmpty() || !unitFacets.isEmpty() || !monthFacets.isEmpty();
    }

    /**
     * One hit as shown.
     *
     * @param snippet HTML from the archive: escaped text with {@code <mark>} around matches
     * @param href    the item's link inside the suite, or {@code null} when it has none (or a suspicious one)
     * @param time    {@code null} for directory items, whose time is only when they were indexed
     */
    public record HitView(String source, String sourceLabel, String title, String snippet, String href, Instant time,
                   String author, List<String> units) {
    }

    /** A link with its label, an optional count, and whether it is the current choice. */
    public record Link(String label, String href, Long count, boolean active) {
    }

    /** Builds pages with the labels of the current language. */
    @Component
    static class Factory {

        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

        private final MessageSource messages;
        private final Directory directory;

        Factory(MessageSource messages, Directory directory) {
            this.messages = messages;
            this.directory = directory;
        }

        SearchPage page(String query, Set<String> sources, SearchSort sort, int page, SearchResult result,
                        String error, Locale locale) {
            String q = query == null ? "" : query.strip();
            Map<String, String> unitNames = new HashMap<>();
            List<HitView> hits = result == null ? List.of()
                    : result.hits().stream().map(hit -> hit(hit, unitNames, locale)).toList();
            List<Link> sourceFacets = new ArrayList<>();
            List<Link> unitFacets = new ArrayList<>();
            List<Link> monthFacets = new ArrayList<>();
            int pages = 0;
            Link previous = null;
            Link next = null;
            if (result != null) {
                for (SearchResult.FacetCount facet : result.facets().sources()) {
                    boolean active = sources.contains(facet.value());
                    sourceFacets.add(new Link(sourceLabel(facet.value(), locale),
                            href(q, active ? Set.of() : Set.of(facet.value()), sort, 1), facet.count(), active));
                }
                for (SearchResult.FacetCount facet : result.facets().units()) {
                    unitFacets.add(refinement(q, sources, sort, "unit:" + facet.value(),
                            unitName(facet.value(), unitNames),
                            facet.count()));
                }
                for (SearchResult.FacetCount facet : result.facets().months()) {
                    YearMonth month = month(facet.value());
                    if (month != null) {
                        String range = "after:" + DAY.format(month.atDay(1)) + " before:"
                                + DAY.format(month.plusMonths(1).atDay(1));
                        monthFacets.add(refinement(q, sources, sort, range,
                                messages.getMessage("search.month", new Object[] {MONTH.format(month)}, locale),
                                facet.count()));
                    }
                }
                pages = Searches.pages(result);
                if (page > 1) {
                    previous = new Link(messages.getMessage("search.previous", null, locale),
                            href(q, sources, sort, Math.min(page - 1, Math.max(pages, 1))), null, false);
                }
                if (page < pages) {
                    next = new Link(messages.getMessage("search.next", null, locale), href(q, sources, sort, page + 1),
                            null, false);
                }
            }
            return new SearchPage(q, sources, sort, page, result, error, hits, sourceTabs(q, sources, sort, locale),
                    sortLinks(q, sources, sort, locale), sourceFacets, unitFacets, monthFacets, pages, previous, next);
        }

        private HitView hit(SearchResult.Hit hit, Map<String, String> unitNames, Locale locale) {
            boolean directoryItem = DirectoryItems.SOURCE.equals(hit.source());
            List<String> units = hit.units() == null ? List.of() : hit.units().stream()
                    .map(code -> unitName(code, unitNames))
                    .toList();
            return new HitView(hit.source(), sourceLabel(hit.source(), locale),
                    hit.title() == null || hit.title().isBlank()
                            ? messages.getMessage("search.untitled", null, locale) : hit.title(),
                    hit.snippet() == null ? "" : hit.snippet(), safeLink(hit.url()),
                    directoryItem ? null : hit.time(), hit.author(), directoryItem ? List.of() : units);
        }

        private List<Link> sourceTabs(String q, Set<String> sources, SearchSort sort, Locale locale) {
            List<Link> tabs = new ArrayList<>();
            tabs.add(new Link(messages.getMessage("search.source.all", null, locale), href(q, Set.of(), sort, 1), null,
                    sources.isEmpty()));
            Set<String> offered = new LinkedHashSet<>(KNOWN_SOURCES);
            offered.addAll(sources);
            for (String source : offered) {
                tabs.add(new Link(sourceLabel(source, locale), href(q, Set.of(source), sort, 1), null,
                        sources.size() == 1 && sources.contains(source)));
            }
            return tabs;
        }

        private List<Link> sortLinks(String q, Set<String> sources, SearchSort sort, Locale locale) {
            return Arrays.stream(SearchSort.values())
                    .map(option -> new Link(messages.getMessage("search.sort." + option.name().toLowerCase(Locale.ROOT),
                            null, locale), href(q, sources, option, 1), null, option == sort))
                    .toList();
        }

        /** A facet that adds its terms to the query, or, when the query already has them, takes them out. */
        private Link refinement(String q, Set<String> sources, SearchSort sort, String terms, String label,
                                long count) {
            List<String> words = new ArrayList<>(Arrays.asList(q.split("\\s+")));
            words.removeIf(String::isEmpty);
            List<String> added = Arrays.asList(terms.split(" "));
            boolean active = added.stream().allMatch(term -> words.stream().anyMatch(term::equalsIgnoreCase));
            String refined;
            if (active) {
                words.removeIf(word -> added.stream().anyMatch(word::equalsIgnoreCase));
                refined = String.join(" ", words);
            }
            else {
                refined = q.isEmpty() ? terms : q + " " + terms;
            }
            return new Link(label, href(refined, sources, sort, 1), count, active);
        }

        /** The unit's current name, or the code when the directory has no such unit; looked up once per page. */
        private String unitName(String code, Map<String, String> unitNames) {
            return unitNames.computeIfAbsent(code,
                    c -> directory.findUnitByCode(c).map(Unit::name).orElse(c));
        }

        String sourceLabel(String source, Locale locale) {
            return messages.getMessage("search.source." + source, null, source, locale);
        }

        private static YearMonth month(String value) {
            try {
                return YearMonth.parse(value);
            }
            catch (DateTimeParseException e) {
                return null;
            }
        }

        /**
         * Only links inside the suite: a path starting with one slash. Anything else (another site, {@code
         * javascript:}) is not made a link.
         */
        static String safeLink(String url) {
            if (url == null || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) {
                return null;
            }
            return url;
        }

        /** The search page's address for these choices; the defaults (relevance, page 1) are left out. */
        static String href(String q, Set<String> sources, SearchSort sort, int page) {
            List<String> params = new ArrayList<>();
            params.add("q=" + encode(q));
            sources.forEach(source -> params.add("source=" + encode(source)));
            if (sort != SearchSort.RELEVANCE) {
                params.add("sort=" + sort.name().toLowerCase(Locale.ROOT));
            }
            if (page > 1) {
                params.add("page=" + page);
            }
            return "/search?" + params.stream().collect(Collectors.joining("&"));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
