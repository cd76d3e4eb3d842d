/** Turns parsed text into the normalized text that extraction and the index read: NFC, tone placement, noise removed, broken lines rejoined. */
package vn.vanban.normalize;
