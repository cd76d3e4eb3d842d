package vn.vanban.bench;

import java.util.Arrays;

/** Latency percentiles of a set of samples in nanoseconds, printed in milliseconds. */
public record Percentiles(double p50, double p95, double p99, double mean, int n) {

    public static Percentiles of(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        return new Percentiles(at(s, 0.50), at(s, 0.95), at(s, 0.99), mean, s.length);
    }

    private static double at(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, mean %.2f ms (n=%d)", p50, p95, p99, mean, n);
    }
}
