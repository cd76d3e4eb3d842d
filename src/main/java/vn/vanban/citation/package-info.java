/** Finds the documents a text cites by number (số ký hiệu) and gives each a canonical key. */
package vn.vanban.citation;
