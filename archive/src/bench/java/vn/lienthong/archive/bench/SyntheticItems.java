package vn.lienthong.archive.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;

/**
 * Deterministic synthetic Vietnamese items: chat-sized (one or two sentences) and mail-sized (a subject and a
 * few paragraphs), with words drawn from a skewed distribution over an administrative vocabulary, 200 units,
 * 2,000 officials, two years of dates. Item {@code i} is always the same.
 */
final class SyntheticItems {

    static final int UNITS = 200;
    static final int OFFICIALS = 2_000;

    private static final String[] WORDS = ("""
            quyết định kế hoạch báo cáo công văn thông báo giấy mời họp hội nghị trực tuyến ủy ban nhân dân tỉnh
            huyện xã phường thị trấn văn phòng sở ngành chủ tịch phó chủ tịch giám đốc trưởng phòng cán bộ công chức
            viên chức đảng ủy hội đồng chuyển đổi số chính quyền điện tử dịch vụ công hành chính thủ tục hồ sơ tiếp
            nhận xử lý giải quyết phê duyệt triển khai thực hiện đôn đốc kiểm tra giám sát thanh tra tổng kết sơ kết
            đánh giá kết quả năm tháng tuần quý ngày tài chính ngân sách kinh phí dự toán quyết toán đầu tư xây dựng
            công trình đường giao thông nông thôn thủy lợi đê bao nuôi tôm lúa gạo muối thiên tai phòng chống lụt bão
            hạn mặn an ninh trật tự quốc phòng dân quân y tế giáo dục trường học bệnh viện dịch bệnh tiêm chủng văn
            hóa thể thao du lịch lao động việc làm bảo hiểm xã hội người có công hộ nghèo cận nghèo tài nguyên môi
            trường đất đai quy hoạch sử dụng giấy chứng nhận khiếu nại tố cáo tiếp công dân chữ ký số chứng thư lưu
            trữ văn bản đi đến dự thảo góp ý quy chế quy định hướng dẫn tập huấn đào tạo bồi dưỡng thi đua khen
            thưởng kỷ luật nhiệm vụ phân công lịch trực ban điểm cầu kết nối mạng truyền số liệu an toàn thông tin
            dữ liệu phần mềm hệ thống tài khoản mật khẩu hộp thư đính kèm gửi nhận phản hồi khẩn hỏa tốc mật
            Bạc Liêu Vĩnh Lợi Hòa Bình Đông Hải Giá Rai Phước Long Hồng Dân Châu Thới Vĩnh Hưng Hưng Thành
            Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Văn Thị Minh Hùng Lan Hoa Tuấn
            anh chị em đồng chí kính gửi trân trọng cảm ơn xin báo cáo đề nghị cho ý kiến thống nhất đồng ý
            sáng chiều nay mai hôm qua lúc giờ phút tại trụ sở phòng họp số lượng tỷ lệ phần trăm đạt chưa đã đang
            """).trim().split("\\s+");

    private final boolean mail;

    SyntheticItems(boolean mail) {
        this.mail = mail;
    }

    static String unit(int u) {
        return "BL-" + u;
    }

    static String official(int o) {
        return "canbo" + o;
    }

    ArchiveItem item(int i) {
        SplittableRandom random = new SplittableRandom(i * 2654435761L + (mail ? 17 : 0));
        String source = mail ? "mail" : "chat";
        int author = random.nextInt(OFFICIALS);
        int unit = author % UNITS;
        ArchiveItem.Builder item = ArchiveItem.builder(source, String.valueOf(i))
                .author(official(author) + "@baclieu.gov.vn")
                .units(unit(unit))
                .time(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextLong(2L * 365 * 24 * 3600)))
                .url("/" + source + "/" + i)
                .readers(Reader.unit(unit(unit)), Reader.official(official(author)));
        if (mail) {
            int to = random.nextInt(OFFICIALS);
            item.title(sentence(random, 6 + random.nextInt(8)))
                    .body(paragraphs(random, 3 + random.nextInt(4)))
                    .recipients(official(to) + "@baclieu.gov.vn")
                    .readers(Reader.official(official(to)), Reader.unit(unit(to % UNITS)));
        } else {
            item.body(sentence(random, 8 + random.nextInt(18)));
        }
        return item.build();
    }

    List<ArchiveItem> batch(int from, int to) {
        List<ArchiveItem> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            items.add(item(i));
        }
        return items;
    }

    private static String paragraphs(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < count; p++) {
            for (int s = 0, n = 2 + random.nextInt(4); s < n; s++) {
                text.append(sentence(random, 10 + random.nextInt(20))).append(' ');
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String sentence(SplittableRandom random, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(word(random));
        }
        String s = text.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    /** Skewed: low indexes (common words) much more often than high ones. */
    static String word(SplittableRandom random) {
        double u = random.nextDouble();
        return WORDS[(int) (WORDS.length * u * u)];
    }
}
