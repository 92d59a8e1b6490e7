package vn.lienthong.directory;

/**
 * The administrative level of a unit. Vietnam has three levels of local government (tỉnh, huyện, xã); offices
 * and departments (phòng, ban, văn phòng) sit under any of them.
 */
public enum UnitLevel {
    /** Tỉnh / thành phố trực thuộc trung ương. */
    PROVINCE,
    /** Huyện, thị xã, thành phố thuộc tỉnh. */
    DISTRICT,
    /** Xã, phường, thị trấn. */
    COMMUNE,
    /** Văn phòng, phòng, ban, sở: an office or department inside a level. */
    DEPARTMENT
}
