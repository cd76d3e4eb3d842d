/** Answers queries: Vietnamese words with or without diacritics, phrases and số ký hiệu, ranked with snippets. */
package vn.vanban.search;
