/** Turns the bytes of any office file into text with Apache Tika (OCR for scans), with explicit limits and reasons. */
package vn.vanban.parse;
