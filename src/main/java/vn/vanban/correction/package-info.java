/** Human corrections of extracted metadata, citations, deadlines and tasks, kept as history and applied on every re-extraction. */
package vn.vanban.correction;
