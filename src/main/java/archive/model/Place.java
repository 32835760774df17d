package archive.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One place of the gazetteer (data/places.yaml).
 *
 * @param slug      stable identity and URL segment (places/&lt;slug&gt;/)
 * @param name      English name
 * @param zh        Chinese full name
 * @param shortForms other Chinese forms found in text (江苏 for 江苏省)
 * @param enForms   other English forms (old romanisations)
 * @param type      what kind of place
 * @param parent    slug of the containing place, or null at the top
 * @param lat       latitude, or NaN when unknown
 * @param lon       longitude, or NaN when unknown
 * @param confirmEnglish its Chinese forms count only when the article's English names it too
 * @param notWithin longer Chinese words that contain a form but are not this place
 * @param note      editorial note, may be empty
 */
public record Place(String slug, String name, String zh, List<String> shortForms, List<String> enForms,
                    PlaceType type, String parent, double lat, double lon, boolean confirmEnglish,
                    List<String> notWithin, String note, Origin origin) {
    public Place {
        shortForms = List.copyOf(shortForms);
        enForms = List.copyOf(enForms);
        notWithin = List.copyOf(notWithin);
        note = note == null ? "" : note;
    }

    /**
     * This place without its editors' note and coordinates: what the annotator reads of it (and
     * what any page may show; only its own pages, and the downloads for the coordinates, show those).
     */
    public Place asMatched() {
        return note.isEmpty() && !hasCoordinates() ? this
                : new Place(slug, name, zh, shortForms, enForms, type, parent, Double.NaN, Double.NaN, confirmEnglish, notWithin, "", origin);
    }

    /** Every Chinese form, full name first. */
    public List<String> zhForms() {
        List<String> out = new ArrayList<>();
        out.add(zh);
        for (String s : shortForms) if (!out.contains(s)) out.add(s);
        return out;
    }

    /** Every English form, name first. */
    public List<String> englishForms() {
        List<String> out = new ArrayList<>();
        out.add(name);
        for (String s : enForms) if (!out.contains(s)) out.add(s);
        return out;
    }

    public boolean hasCoordinates() { return !Double.isNaN(lat) && !Double.isNaN(lon); }
}
