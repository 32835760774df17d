package archive.model;

/** The kinds of place in the gazetteer, with labels in both interface languages. */
public enum PlaceType {
    PROVINCE("province", "province", "省", true),
    AUTONOMOUS_REGION("autonomous-region", "autonomous region", "自治区", true),
    MUNICIPALITY("municipality", "municipality", "直辖市", true),
    PREFECTURE("prefecture", "prefecture", "专区", false),
    LEAGUE("league", "league", "盟", false),
    CITY("city", "city", "市", false),
    COUNTY("county", "county", "县", false),
    DISTRICT("district", "district", "区", false),
    TOWN("town", "town", "镇", false),
    MOUNTAIN("mountain", "mountains", "山", false),
    RIVER("river", "river", "河", false),
    LAKE("lake", "lake", "湖", false),
    REGION("region", "region", "地区", false),
    MINE("mine", "mine", "矿", false),
    WORKS("works", "works", "厂", false);

    public final String key, labelEn, labelZh;
    public final boolean provinceLevel;

    PlaceType(String key, String labelEn, String labelZh, boolean provinceLevel) {
        this.key = key;
        this.labelEn = labelEn;
        this.labelZh = labelZh;
        this.provinceLevel = provinceLevel;
    }

    public static PlaceType of(String key) {
        for (PlaceType t : values()) if (t.key.equals(key)) return t;
        return null;
    }

    public String key() { return key; }
    public String labelEn() { return labelEn; }
    public String labelZh() { return labelZh; }
}
