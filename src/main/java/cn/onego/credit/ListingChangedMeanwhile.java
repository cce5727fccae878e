package cn.onego.credit;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** Somebody changed the listing between its read and this change (an appeal and a lifting at once); nothing was changed. */
public class ListingChangedMeanwhile extends Problem {

	ListingChangedMeanwhile() {
		super(HttpStatus.CONFLICT, "concurrent-change", Message.of("失信记录刚被他人修改", "The listing was changed meanwhile"),
				Message.of("请刷新后重试。", "Reload it and try again."), List.of());
	}
}
