package vn.lienthong.directory;

/** What a CSV file holds; each kind has its own header (see the directory README). */
public enum ImportKind {
    /** Header: code,name,level,parent_code,mail_domain,mail_local_part */
    UNITS,
    /** Header: username,full_name,title,unit_code,email,phone,roles */
    OFFICIALS
}
