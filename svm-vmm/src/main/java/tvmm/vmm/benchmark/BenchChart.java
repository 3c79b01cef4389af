package tvmm.vmm.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * {@code tvmm bench --plot FILE.png}: one small bar chart per benchmark (the units
 * differ), a bar per system at its median, laid out in a grid. A system without a median
 * gets no bar and "failed" or "n/a" in its legend entry, so a missing bar is never read
 * as zero time.
 */
public final class BenchChart {
    private static final int COLUMNS = 4;

    private BenchChart() {
    }

    public static void write(BenchResults results, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true"); // no display on a build machine
        List<CategoryChart> charts = new ArrayList<>();
        for (String row : results.rows()) {
            String unit = results.unit(row);
            CategoryChart chart = new CategoryChartBuilder().width(360).height(300).title(row)
                    .yAxisTitle(unit.isEmpty() ? "" : unit + " (lower is faster)").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(12f));
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisDecimalPattern("#,##0.##");
            chart.getStyler().setLegendFont(chart.getStyler().getLegendFont().deriveFont(9f));
            boolean any = false;
            for (String system : results.systems()) {
                BenchResults.Cell c = results.cell(row, system);
                String label = c.measured() ? system : system + (c.unsupported() ? " n/a" : " failed");
                double v = c.measured() ? c.stats().median() : 0;
                any |= c.measured();
                chart.addSeries(label, List.of(row), List.of(v));
            }
            if (!any) {
                chart.getStyler().setYAxisMax(1.0);
            }
            charts.add(chart);
        }
        if (charts.isEmpty()) {
            throw new IOException("nothing to plot");
        }
        int cols = Math.min(COLUMNS, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        while (charts.size() < rows * cols) {
            // The grid writer wants it full; an empty panel keeps the layout.
            CategoryChart blank = new CategoryChartBuilder().width(360).height(300).title(title).build();
            blank.getStyler().setLegendVisible(false);
            blank.getStyler().setXAxisTicksVisible(false);
            blank.getStyler().setYAxisTicksVisible(false);
            blank.addSeries(" ", List.of(" "), List.of(0.0));
            charts.add(blank);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(charts, rows, cols, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
