/**
 * How clerks organise documents their own way: tags (by hand, in bulk from a search, or by rules at ingest) and
 * searches saved under a name, whose new matches are listed and fed as Atom.
 */
package vn.vanban.organize;
