package tvmm.vmm.benchmark;

import java.util.Arrays;
import java.util.List;

/** Minimum, median and maximum of the successful runs (the median of an even count is the mean of the middle two). */
public record Stats(int count, double min, double median, double max) {
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Stats(n, v[0], median, v[n - 1]);
    }
}
