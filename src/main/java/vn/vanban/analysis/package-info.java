/** One analysis of a document's text, for every caller: normalize, metadata, citations, deadlines and tasks. */
package vn.vanban.analysis;
