package vn.lienthong.meetings;

import vn.lienthong.directory.UnitLevel;

/** A unit as meetings show it: enough for a label and a link. */
public record UnitRef(long id, String code, String name, UnitLevel level) {
}
