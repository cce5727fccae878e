package cn.onego.cases;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** The expected refusals of the case flow, each named after what went wrong. */
public final class CaseProblems {

	private CaseProblems() {
	}

	/** The actor's window or department has nothing to do with this case or task. */
	public static class NotYours extends Problem {

		NotYours(String what) {
			super(HttpStatus.FORBIDDEN, "not-yours", Message.of("无权办理", "Not yours to handle"),
					Message.of("该" + what + "不属于您的窗口或部门。", "This " + what + " does not belong to your window or department."),
					List.of());
		}
	}

	/** An applicant on the blacklist gets neither 容缺 nor 告知承诺. */
	public static class GreenChannelClosed extends Problem {

		GreenChannelClosed(String subject) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "green-channel-closed", Message.of("不适用容缺受理或告知承诺", "No green channel"),
					Message.of("申请人在失信名单中（信用修复前不适用容缺受理和告知承诺制）：" + subject,
							"The applicant is on the blacklist: no acceptance with gaps or on commitment until their credit is restored: " + subject),
					List.of());
		}
	}

	/** No department of the item's type is placed where the item is handled. */
	public static class NoCompetentDepartment extends Problem {

		NoCompetentDepartment(String item, String region) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "no-competent-department", Message.of("没有主管部门", "No competent department"),
					Message.of("目录中没有为地区 " + region + " 配置事项 " + item + " 的主管部门，请管理员在 departments.yaml 中补充。",
							"The catalogue places no competent department for item " + item + " in region " + region
									+ "; an administrator must add it to departments.yaml."),
					List.of());
		}
	}

	/**
	 * An application is withdrawn online only until the window accepts it: afterwards the departments work on it,
	 * and stopping that is a matter for the hall, which the answer names with its telephone.
	 */
	public static class TooLateToWithdraw extends Problem {

		TooLateToWithdraw(cn.onego.shared.Label hall, String phone) {
			super(HttpStatus.CONFLICT, "too-late-to-withdraw", Message.of("已不能在线撤回", "No longer withdrawable online"),
					Message.of("办件已受理或已办结，不能在线撤回。如需撤回，请联系" + hall.zh() + (phone == null ? "" : "（电话 " + phone + "）") + "。",
							"The case was accepted or has ended, so it can no longer be withdrawn online. To withdraw it, contact "
									+ hall.en() + (phone == null ? "" : " (telephone " + phone + ")") + "."),
					List.of());
		}
	}
}
