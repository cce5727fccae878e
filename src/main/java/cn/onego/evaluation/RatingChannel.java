package cn.onego.evaluation;

/** Where a rating was given (GB/T 39046 Table 9 评价渠道). */
public enum RatingChannel {
	/** PC端 */
	PC,
	/** 移动服务端 */
	MOBILE,
	/** 二维码 */
	QR_CODE,
	/** 政务大厅平板电脑（评价器） */
	HALL_PAD,
	/** 政务大厅其他终端 */
	HALL_TERMINAL,
	/** 电话 */
	PHONE,
	/** 短信 */
	SMS
}
