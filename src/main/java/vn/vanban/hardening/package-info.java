/** Hostile-file generator, crash, load and integrity runs, and the hardening report. */
package vn.vanban.hardening;
