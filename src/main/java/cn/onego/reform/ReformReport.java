package cn.onego.reform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.onego.application.ReductionMetrics.Counts;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import cn.onego.shared.Label;

/**
 * The comparison as a bureau chief signs it off: title, region, author, date, the draft's operations in words, the
 * before/after table per matter, the departments and halls affected, the replay's totals, the cases it changes, the
 * tasks per department per week, and a line for the signature. In Chinese, as the office files it; PDF in WenQuanYi
 * Zen Hei (fonts-wqy-zenhei, as the documents module), Excel with one sheet per part.
 */
record ReformReport(Comparison comparison, List<Label> operations, LocalDate date) {

	static final Path FONT = Path.of(System.getProperty("onego.pdf-font", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

	private static final List<String> FIGURES = List.of("材料（件）", "表单字段（个）", "环节（个）", "跑动（次）", "时限（工作日）");

	String title() {
		return "改革模拟报告：" + comparison.draft().name();
	}

	/** The report's lines: headings and rows of cells, shared by the PDF and, sheet by sheet, the workbook. */
	List<Section> sections() {
		List<Section> sections = new ArrayList<>();
		Comparison c = comparison;
		sections.add(new Section("概况", List.of(List.of("地区", c.region().zh()), List.of("起草人", c.draft().author()),
				List.of("报告日期", date.toString()), List.of("目录版本", String.valueOf(c.catalogueVersion())))));
		List<List<String>> ops = new ArrayList<>();
		for (int i = 0; i < operations.size(); i++) {
			ops.add(List.of(String.valueOf(i + 1), operations.get(i).zh()));
		}
		sections.add(new Section("改革措施", ops));
		List<List<String>> matters = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("一件事"));
		FIGURES.forEach(f -> {
			header.add(f + " 现行");
			header.add(f + " 草案");
		});
		matters.add(header);
		for (Comparison.MatterFigures m : c.matters()) {
			List<String> row = new ArrayList<>(List.of(m.name().zh()));
			int[] before = counts(m.before());
			int[] after = counts(m.after());
			for (int i = 0; i < before.length; i++) {
				row.add(String.valueOf(before[i]));
				row.add(String.valueOf(after[i]));
			}
			matters.add(row);
		}
		sections.add(new Section("各一件事指标对比（现行目录 / 草案）", matters));
		List<List<String>> affected = new ArrayList<>();
		c.departments().forEach(d -> affected.add(List.of("部门", d.zh())));
		c.halls().forEach(h -> affected.add(List.of("大厅", h.zh())));
		sections.add(new Section("受影响的部门和大厅", affected));
		Comparison.ReplayFigures r = c.replay();
		sections.add(new Section("近 " + r.months() + " 个月办件回放（" + r.from() + " 至 " + r.to() + "）", List.of(
				List.of("", "基线", "草案"),
				List.of("办件数", String.valueOf(r.cases()), String.valueOf(r.cases())),
				List.of("工作日合计", String.valueOf(r.baseline().workingDays()), String.valueOf(r.draft().workingDays())),
				List.of("跑动合计", String.valueOf(r.baseline().trips()), String.valueOf(r.draft().trips())),
				List.of("材料合计", String.valueOf(r.baseline().materials()), String.valueOf(r.draft().materials())),
				List.of("受影响办件", String.valueOf(r.changedCases().size()), ""))));
		List<List<String>> changed = new ArrayList<>();
		changed.add(List.of("办件编号", "一件事", "工作日", "跑动", "材料"));
		for (Comparison.CaseChange cc : r.changedCases()) {
			changed.add(List.of(cc.number(), cc.matter().zh(), cc.workingDaysBefore() + " → " + cc.workingDaysAfter(),
					cc.tripsBefore() + " → " + cc.tripsAfter(), cc.materialsBefore() + " → " + cc.materialsAfter()));
		}
		sections.add(new Section("受影响的办件", changed));
		List<List<String>> load = new ArrayList<>();
		load.add(List.of("部门", "周", "基线任务数", "草案任务数"));
		for (Comparison.LoadRow row : r.load()) {
			load.add(List.of(row.departmentName().zh(), row.week(), String.valueOf(row.baseline()), String.valueOf(row.draft())));
		}
		sections.add(new Section("各部门每周工作量", load));
		sections.add(new Section("审核意见", List.of(List.of("审核意见：", "________________________________"),
				List.of("局长签字：", "________________"), List.of("日期：", "________________"))));
		return sections;
	}

	private static int[] counts(Counts c) {
		return new int[] { c.materials(), c.formFields(), c.steps(), c.trips(), c.workingDays() };
	}

	/** A heading with its rows of cells. */
	record Section(String heading, List<List<String>> rows) {
	}

	static byte[] pdf(ReformReport report) {
		if (!Files.isReadable(FONT)) {
			throw new FontMissing();
		}
		try (PDDocument doc = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(FONT.toFile())) {
			TrueTypeFont ttf = fonts.getFontByName("WenQuanYiZenHei");
			PDType0Font font = PDType0Font.load(doc, ttf == null ? fonts.getFontByName("WenQuanYi Zen Hei") : ttf, true);
			doc.getDocumentInformation().setTitle(report.title());
			doc.getDocumentInformation().setCreator("OneGo 一件事一次办");
			Lines lines = new Lines(doc, font);
			lines.add(16, report.title());
			lines.gap();
			for (Section section : report.sections()) {
				lines.add(12, section.heading());
				for (List<String> row : section.rows()) {
					lines.add(9, String.join("　", row));
				}
				lines.gap();
			}
			lines.close();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			doc.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the report PDF", e);
		}
	}

	static byte[] xlsx(ReformReport report) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			Sheet summary = book.createSheet("报告");
			int r = 0;
			summary.createRow(r++).createCell(0).setCellValue(report.title());
			List<Section> sections = report.sections();
			for (Section section : sections) {
				r++;
				summary.createRow(r++).createCell(0).setCellValue(section.heading());
				for (List<String> cells : section.rows()) {
					write(summary.createRow(r++), cells);
				}
			}
			// the per-matter table and the weekly load again, one sheet each, for sorting and charts
			sheet(book, "指标对比", sections.get(2));
			sheet(book, "每周工作量", sections.get(6));
			summary.setColumnWidth(0, 40 * 256);
			book.write(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the report workbook", e);
		}
	}

	private static void sheet(XSSFWorkbook book, String name, Section section) {
		Sheet sheet = book.createSheet(name);
		for (int i = 0; i < section.rows().size(); i++) {
			write(sheet.createRow(i), section.rows().get(i));
		}
	}

	private static void write(Row row, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			String value = cells.get(i);
			if (i > 0 && value.matches("-?\\d{1,9}")) {
				row.createCell(i).setCellValue(Integer.parseInt(value));
			}
			else {
				row.createCell(i).setCellValue(value);
			}
		}
	}

	/** Lines down A4 pages, wrapped to the width, a new page when one is full. */
	private static final class Lines {

		private static final float MARGIN = 56;

		private final PDDocument doc;
		private final PDType0Font font;
		private PDPageContentStream stream;
		private float y;

		Lines(PDDocument doc, PDType0Font font) throws IOException {
			this.doc = doc;
			this.font = font;
			page();
		}

		private void page() throws IOException {
			if (stream != null) {
				stream.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			stream = new PDPageContentStream(doc, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void add(float size, String text) throws IOException {
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < text.length(); i++) {
				line.append(text.charAt(i));
				if (font.getStringWidth(line.toString()) / 1000 * size > width) {
					line.setLength(line.length() - 1);
					write(size, line.toString());
					line.setLength(0);
					line.append(text.charAt(i));
				}
			}
			write(size, line.toString());
		}

		private void write(float size, String text) throws IOException {
			if (y < MARGIN + size) {
				page();
			}
			y -= size * 1.5f;
			stream.beginText();
			stream.setFont(font, size);
			stream.newLineAtOffset(MARGIN, y);
			stream.showText(text);
			stream.endText();
		}

		void gap() {
			y -= 6;
		}

		void close() throws IOException {
			stream.close();
		}
	}

	/** The Chinese font is not installed: the report cannot be drawn. */
	static class FontMissing extends Problem {

		FontMissing() {
			super(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "font-missing", Message.of("缺少中文字体", "Chinese font missing"),
					Message.of("服务器未安装文泉驿正黑字体（fonts-wqy-zenhei），无法生成 PDF。",
							"The server lacks the WenQuanYi Zen Hei font (fonts-wqy-zenhei); the PDF cannot be made."),
					List.of());
		}
	}
}
