/** Benchmarks that print figures next to the bare libraries doing the same work, measured in the same run. */
package vn.vanban.bench;
