package io.firerisk.server.imports;

import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.excel.InspectionSheets;
import io.firerisk.ledger.excel.SheetImport;
import io.firerisk.ledger.excel.SheetProblem;
import io.firerisk.server.security.DeskRole;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.web.DeskRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 导入检查记录: bureau staff and inspectors (and the administrator) upload a filled inspection sheet; it is
 * checked as a file first ({@link SheetUpload}: declared type, size, first bytes), then read and recorded
 * whole or not at all by {@link InspectionSheets#read}. The page lists every problem by sheet, row and column
 * (status 422, nothing recorded), or says how many inspections and hazards were recorded.
 */
@Controller
public class ImportController {

    private static final Logger LOG = LoggerFactory.getLogger(ImportController.class);
    /** Who records inspections in the desk: the bureau's staff and its inspectors. */
    public static final Set<DeskRole> MAY_IMPORT = Set.of(DeskRole.ADMIN, DeskRole.STAFF, DeskRole.INSPECTOR);

    private final Ledger ledger;

    ImportController(Ledger ledger) {
        this.ledger = ledger;
    }

    /** What the page shows under the form: nothing yet, a refusal of the file, its problems, or what was recorded. */
    public record Outcome(String file, Optional<SheetUpload.Refusal> refused, Optional<SheetImport> result) {
        public static final Outcome NONE = new Outcome("", Optional.empty(), Optional.empty());

        public boolean shown() {
            return refused.isPresent() || result.isPresent();
        }

        public List<SheetProblem> problems() {
            return result.map(SheetImport::problems).orElse(List.of());
        }
    }

    @GetMapping("/import/inspections")
    String form(Viewer viewer, Model model) {
        mayImport(viewer);
        model.addAttribute("outcome", Outcome.NONE);
        model.addAttribute("maxMb", InspectionSheets.MAX_BYTES >> 20);
        return "import";
    }

    @PostMapping("/import/inspections")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Viewer viewer, Model model,
            HttpServletResponse response) throws IOException {
        mayImport(viewer);
        model.addAttribute("maxMb", InspectionSheets.MAX_BYTES >> 20);
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        Optional<SheetUpload.Refusal> refused;
        if (file == null || file.isEmpty()) {
            refused = Optional.of(new SheetUpload.Refusal("import.refused.none", List.of(), 400));
        } else {
            byte[] head;
            try (InputStream in = file.getInputStream()) {
                head = in.readNBytes(8);
            }
            refused = SheetUpload.refusal(file.getContentType(), file.getSize(), head);
        }
        if (refused.isPresent()) {
            response.setStatus(refused.get().status());
            model.addAttribute("outcome", new Outcome(name, refused, Optional.empty()));
            return "import";
        }
        Path tmp = Files.createTempFile("firerisk-sheet-", ".xlsx");
        SheetImport result;
        try {
            file.transferTo(tmp);
            result = InspectionSheets.read(ledger, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
        // The result names the temporary file: the page shows the name it was uploaded under.
        result = new SheetImport(name, result.rows(), result.inspections(), result.hazards(), result.alreadyRecorded(),
                result.problems());
        if (result.recorded()) {
            LOG.info("{} imported {}: {} inspections, {} hazards recorded, {} already held", viewer.username(), name,
                    result.inspections(), result.hazards(), result.alreadyRecorded());
        } else {
            response.setStatus(422);
        }
        model.addAttribute("outcome", new Outcome(name, Optional.empty(), Optional.of(result)));
        return "import";
    }

    private static void mayImport(Viewer viewer) {
        if (!MAY_IMPORT.contains(viewer.role())) {
            throw DeskRequestException.forbidden();
        }
    }
}
