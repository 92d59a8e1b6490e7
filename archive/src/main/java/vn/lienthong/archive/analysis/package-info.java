/**
 * Vietnamese text analysis for the archive, one small step per class. The chain reads:
 * standard (UAX#29) tokenizer → {@link vn.lienthong.archive.analysis.NfcNormalizationFilter} → lower case →
 * {@link vn.lienthong.archive.analysis.ToneMarkPlacementFilter} → (folded field only) ASCII folding.
 * See {@link vn.lienthong.archive.analysis.VietnameseAnalyzer}. Internal to the archive module.
 */
package vn.lienthong.archive.analysis;
