package cn.onego.licences;

import io.nayuki.qrcodegen.QrCode;

/**
 * The QR code of a licence: its verification URL ({@code …/verify.html?id=<identifier>&code=<code>}) at error
 * correction level M, as an SVG for pages and as modules for the PDF.
 */
final class LicenceQr {

	/** The quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
	static final int BORDER = 4;

	private LicenceQr() {
	}

	static QrCode encode(String url) {
		return QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
	}

	/** One path of unit squares on a white square; scales to any size. */
	static String svg(String url) {
		QrCode qr = encode(url);
		int size = qr.size + BORDER * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
				}
			}
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/><path d=\"" + path + "\" fill=\"#000000\"/></svg>\n";
	}
}
