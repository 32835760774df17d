package archive.robustness;

import archive.testing.TestProject;

/** A small valid project (one glossary entry, one place, one industry) for the robustness tests. */
final class Fixtures {
    private Fixtures() {}

    static final String ID = "0123456789abcdef";
    static final String SEED = "000_" + ID + ".txt";

    static final String GLOSSARY = """
            - slug: great-leap-forward
              kind: campaign
              zh: [大跃进]
              pinyin: dà yuèjìn
              en: [Great Leap Forward]
              gloss: great leap forward
              explanation: The campaign of 1958–1960.
            """;
    static final String PLACES = """
            - slug: taiyuan
              name: Taiyuan
              zh: 太原市
              short: [太原]
              type: city
              not_within: [太原来]
            """;
    static final String INDUSTRIES = """
            - slug: iron-and-steel
              name: Iron and steel
              zh: 钢铁工业
              signals:
                zh: [钢铁]
                en: [steel]
            """;

    static TestProject project() {
        return TestProject.empty()
                .write("data/glossary.yaml", GLOSSARY)
                .write("data/places.yaml", PLACES)
                .write("data/industries.yaml", INDUSTRIES);
    }

    static String seed(String[] en, String[] zh) {
        return TestProject.seed("1959-03-02", 1, "Taiyuan rally", "太原大会", en, zh);
    }

    static String goodSeed() {
        return seed(new String[]{"Taiyuan held a Great Leap Forward rally.", "Steel output rose."},
                new String[]{"太原市举行大跃进誓师大会。", "钢铁产量上升。"});
    }
}
