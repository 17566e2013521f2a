package vn.iocstream.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.AlertConflictException;
import vn.iocstream.alerts.AlertDesk;
import vn.iocstream.alerts.AlertMatcher;
import vn.iocstream.alerts.AlertNotFoundException;
import vn.iocstream.alerts.AlertQuery;
import vn.iocstream.alerts.AlertScope;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.Silence;
import vn.iocstream.alerts.SilenceRequest;
import vn.iocstream.app.access.AccountStore;
import vn.iocstream.app.access.AuditLog;
import vn.iocstream.app.access.Places;
import vn.iocstream.app.access.PostPlaces;
import vn.iocstream.app.access.Role;
import vn.iocstream.app.access.Scope;
import vn.iocstream.app.access.ScopeSql;
import vn.iocstream.app.access.Sessions;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.json.Json;
import vn.iocstream.nlp.QueryException;
import vn.iocstream.nlp.search.PostSearchIndex;
import vn.iocstream.nlp.search.SearchFilters;
import vn.iocstream.nlp.search.SearchTimeoutException;

/**
 * The control room: the screens (one page, Vietnamese, Asia/Ho_Chi_Minh times, kiosk and phone layouts) and the
 * JSON API behind them, on Javalin, listening on 127.0.0.1. Every {@code /api/*} but login needs a session;
 * every state change needs the session's CSRF token in {@code X-CSRF-Token}; every answer is filtered by the
 * user's scope inside its query ({@link ScopeSql}, {@link PostPlaces}); an id outside the scope answers 404.
 * Slow work (search, ClickHouse, the alerts service's queries) runs on {@link Workers}, bounded and with a
 * deadline. Alerts, their actions, silences and the push feed come from the alerts service ({@link AlertDesk}),
 * with the logged-in user as the actor.
 */
public final class ControlRoom implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlRoom.class);
    static final String COOKIE = "ioc_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION = "ioc.session";
    private static final Set<String> ACTIONS = Set.of("ack", "resolve", "assign", "comment");
    private static final int MAX_COMMENT = 2000;
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final IocConfig.ControlRoom config;
    private final int maxPage;
    private final Javalin app;
    private final AccountStore accounts;
    private final Sessions sessions;
    private final vn.iocstream.app.access.LoginGuard guard;
    private final AuditLog audit;
    private final Places places;
    private final PostSearchIndex search;
    private final Workers workers;
    private final AlertQueries alerts;
    private final PostQueries posts;
    private final ScreenQueries screens;
    private final AlertDesk desk;
    private final Supplier<Map<String, Object>> status;
    private final Clock clock;
    private final vn.iocstream.app.export.Exporter exporter;
    /** Downloads run on the request thread, streaming; at most this many at once (the rest: 503). */
    private final java.util.concurrent.Semaphore exportSlots = new java.util.concurrent.Semaphore(EXPORTS_AT_ONCE);
    static final int EXPORTS_AT_ONCE = 2;

    private ControlRoom(IocConfig full, ClickHouseClient clickHouse, Supplier<Map<String, Object>> status,
                        PostSearchIndex search, AlertDesk desk, AccountStore accounts, Clock clock) {
        IocConfig.ControlRoom config = full.controlRoom();
        this.config = config;
        this.maxPage = full.search().maxPage();
        this.desk = desk;
        this.accounts = accounts;
        this.clock = clock;
        this.status = status;
        this.search = search;
        this.sessions = new Sessions(clock, Duration.ofMinutes(config.sessionIdleMinutes()), Duration.ofHours(config.sessionMaxHours()));
        this.guard = new vn.iocstream.app.access.LoginGuard(clock, config.loginAttemptsPerMinute(), config.lockoutFailures(),
                Duration.ofMinutes(config.lockoutMinutes()));
        this.audit = new AuditLog(clickHouse, clock);
        this.places = Places.of(full, Gazetteer.load());
        this.workers = new Workers(config.workerThreads(), config.queueLimit(), Duration.ofSeconds(config.deadlineSeconds()));
        this.posts = new PostQueries(clickHouse);
        this.alerts = new AlertQueries(desk, posts);
        this.screens = new ScreenQueries(clickHouse, places, alerts);
        this.exporter = new vn.iocstream.app.export.Exporter(clickHouse);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.jetty.defaultHost = config.bindAddress();
            // Few request threads: slow work goes to the workers, so these only parse, check and hand over.
            QueuedThreadPool threads = new QueuedThreadPool(24, 4);
            threads.setName("control-room-http");
            threads.setDaemon(true);
            cfg.jetty.threadPool = threads;
            // Long search URLs reach the handler, which names the query limit they break (400), instead of Jetty's 431.
            cfg.jetty.modifyHttpConfiguration(h -> h.setRequestHeaderSize(64 * 1024));
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/web/static";
                s.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();
        });
        routes();
    }

    /**
     * Starts the control room on {@code controlRoom.bindAddress:controlRoom.port} (0: a free port).
     *
     * @param status live counters (admins only)
     * @param search the full-text index of posts, or null when {@code search.enabled} is false (searches answer 503)
     * @param desk   the alerts service
     */
    public static ControlRoom start(IocConfig config, ClickHouseClient clickHouse, Supplier<Map<String, Object>> status,
                                    PostSearchIndex search, AlertDesk desk, Clock clock) {
        IocConfig.ControlRoom cr = config.controlRoom();
        AccountStore accounts = new AccountStore(java.nio.file.Path.of(cr.usersFile()), clock);
        ControlRoom room = new ControlRoom(config, clickHouse, status, search, desk, accounts, clock);
        room.app.start(cr.bindAddress(), cr.port());
        LOG.info("Control room on {}", room.url());
        return room;
    }

    public String url() {
        return "http://" + config.bindAddress() + ":" + app.port() + "/";
    }

    /** The accounts this control room reads (the users file). */
    public AccountStore accounts() {
        return accounts;
    }

    // ---------------------------------------------------------------- routes

    private void routes() {
        app.exception(Refusal.class, (e, ctx) -> refuse(ctx, e));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("control room: {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
            refuse(ctx, new Refusal(500, "lỗi máy chủ (server error)"));
        });
        app.before(this::gate);

        app.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        app.get("/", ctx -> page(ctx, "/web/index.html"));
        app.get("/login", ctx -> page(ctx, "/web/login.html"));

        app.post("/api/login", this::login);
        app.post("/api/logout", this::logout);
        app.get("/api/me", ctx -> ctx.json(me(session(ctx))));
        app.get("/api/status", ctx -> {
            requireRole(ctx, Role.ADMIN);
            ctx.json(status.get());
        });

        app.get("/api/alerts", ctx -> {
            Sessions.Session s = session(ctx);
            AlertQuery q = alertQuery(ctx);
            async(ctx, () -> alerts.list(s.scope(), q));
        });
        app.sse("/api/alerts/stream", client -> {
            Context ctx = client.ctx();
            Sessions.Session s = session(ctx);
            String sessionId = s.id();
            client.keepAlive();
            String last = ctx.header("Last-Event-ID");
            long since = last != null && last.matches("\\d{1,19}") ? Long.parseLong(last) : desk.lastEventId();
            AlertPush.open(desk, client, AlertQueries.alertScope(s.scope()), since, () -> sessions.find(sessionId, accounts).isPresent());
        });
        app.get("/api/alerts/{id}", ctx -> {
            Sessions.Session s = session(ctx);
            String id = alertId(ctx);
            async(ctx, () -> alerts.detail(s.scope(), scope(s), id));
        });
        app.post("/api/alerts/{id}/{action}", this::alertAction);
        app.get("/api/silences", ctx -> {
            Sessions.Session s = handler(ctx);
            boolean expired = "true".equals(ctx.queryParam("expired"));
            async(ctx, () -> Map.of("silences", desk.silences(expired, AlertQueries.alertScope(s.scope()))));
        });
        app.post("/api/silences", this::createSilence);
        app.post("/api/silences/{id}/expire", ctx -> {
            Sessions.Session s = handler(ctx);
            String id = alertId(ctx);
            String ip = ctx.ip();
            async(ctx, () -> {
                Silence done = desk.expireSilence(id, s.user(), AlertQueries.alertScope(s.scope()));
                audit.record(s.user(), s.role().id(), "silence.expire", id, "ok", "", ip);
                return done;
            });
        });

        app.get("/api/posts", ctx -> {
            Sessions.Session s = session(ctx);
            PostQueries.Filter f = postFilter(ctx);
            int page = page(ctx);
            async(ctx, () -> posts.posts(scope(s), f, page));
        });
        app.get("/api/search", this::searchApi);
        app.get("/api/media", ctx -> screen(ctx, Role.Screen.MEDIA, s -> screens.media(scope(s), clock.instant())));
        app.get("/api/leaders", ctx -> screen(ctx, Role.Screen.LEADERS, s -> Map.of("units", screens.leaders(s.scope(), clock.instant()))));
        app.get("/api/security", ctx -> screen(ctx, Role.Screen.SECURITY, s -> screens.security(scope(s), clock.instant())));
        app.get("/api/traffic", ctx -> screen(ctx, Role.Screen.TRAFFIC, s -> screens.traffic(scope(s), clock.instant())));
        app.get("/api/export/{what}", this::export);
        app.get("/api/audit", ctx -> {
            requireRole(ctx, Role.ADMIN);
            async(ctx, () -> Map.of("entries", audit.read("1", "nanos DESC", 200)));
        });
    }

    /**
     * Before every request: security headers; the refusal while no admin exists; a session for {@code /api/*}
     * (but login); the CSRF token on every state change.
     */
    private void gate(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CSP);
        String path = ctx.path();
        if (path.equals("/health")) return;
        if (!accounts.hasAdmin()) {
            throw new Refusal(503, "Chưa có tài khoản quản trị. Tạo bằng lệnh: ./ioc users add admin --role admin --scope all --password-stdin", 60);
        }
        if (path.startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
            long length = ctx.req().getContentLengthLong();
            if (length > config.maxBodyBytes()) throw new Refusal(413, "yêu cầu quá lớn (body over controlRoom.maxBodyBytes = " + config.maxBodyBytes() + ")");
            if (path.equals("/api/login")) return;
            Sessions.Session s = sessions.find(ctx.cookie(COOKIE), accounts)
                    .orElseThrow(() -> new Refusal(401, "chưa đăng nhập (no session)"));
            ctx.attribute(SESSION, s);
            HandlerType m = ctx.method();
            if (m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS
                    && !Sessions.sameToken(s.csrf(), ctx.header(CSRF_HEADER))) {
                audit.record(s.user(), s.role().id(), "csrf-refused", path, "no-token", "", ctx.ip());
                throw new Refusal(403, "thiếu hoặc sai mã CSRF (missing or wrong " + CSRF_HEADER + ")");
            }
        } else if (path.equals("/") && sessions.find(ctx.cookie(COOKIE), accounts).isEmpty()) {
            // The query (?kiosk=1) survives the login; the fragment (#screen) the browser keeps itself.
            ctx.redirect(ctx.queryString() == null ? "/login" : "/login?" + ctx.queryString());
            ctx.skipRemainingHandlers();
        }
    }

    private void login(Context ctx) {
        if (!String.valueOf(ctx.contentType()).startsWith("application/json")) {
            // A cross-site form cannot send JSON without a CORS preflight, which we never grant.
            throw new Refusal(415, "gửi JSON (Content-Type: application/json)");
        }
        JsonNode body = readJson(ctx);
        String user = body.path("user").asText("");
        String password = body.path("password").asText("");
        String ip = ctx.ip();
        switch (guard.check(ip, user)) {
            case TOO_FAST -> {
                audit.record(user, "", "login-failed", "", "rate-limited", "", ip);
                throw new Refusal(429, "quá nhiều lần đăng nhập, thử lại sau", guard.retryAfterSeconds(ip));
            }
            case LOCKED -> {
                vn.iocstream.app.access.Passwords.burn(password);
                audit.record(user, "", "login-failed", "", "locked", "", ip);
                throw new Refusal(401, "sai tên đăng nhập hoặc mật khẩu");
            }
            case TRY -> { }
        }
        var account = accounts.find(user).filter(a -> !a.disabled());
        boolean ok = account.isPresent() ? vn.iocstream.app.access.Passwords.verify(password, account.get().passwordHash())
                : burnAndFail(password);
        if (!ok) {
            boolean locked = guard.failed(user);
            audit.record(user, "", "login-failed", "", locked ? "bad-password, locked" : "bad-password", "", ip);
            throw new Refusal(401, "sai tên đăng nhập hoặc mật khẩu");
        }
        guard.succeeded(user);
        Scope scope = accounts.scopeOf(account.get());
        Sessions.Session s = sessions.open(account.get(), scope);
        audit.record(s.user(), s.role().id(), "login", "", "ok", "", ip);
        ctx.header("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + config.sessionMaxHours() * 3600L + (config.secureCookie() ? "; Secure" : ""));
        ctx.json(me(s));
    }

    private static boolean burnAndFail(String password) {
        vn.iocstream.app.access.Passwords.burn(password);
        return false;
    }

    private void logout(Context ctx) {
        Sessions.Session s = session(ctx);
        sessions.close(s.id());
        audit.record(s.user(), s.role().id(), "logout", "", "ok", "", ctx.ip());
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (config.secureCookie() ? "; Secure" : ""));
        ctx.json(Map.of("ok", true));
    }

    private Map<String, Object> me(Sessions.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", s.user());
        m.put("role", s.role().id());
        m.put("roleLabel", s.role().label());
        m.put("scope", s.scope().toString());
        m.put("screens", s.role().screens().stream().map(Role.Screen::id).toList());
        m.put("handlesAlerts", s.role().handlesAlerts());
        m.put("csrf", s.csrf());
        m.put("kioskSeconds", config.kioskSeconds());
        return m;
    }

    private void alertAction(Context ctx) {
        Sessions.Session s = handler(ctx);
        String id = alertId(ctx);
        String action = ctx.pathParam("action");
        if (!ACTIONS.contains(action)) throw Refusal.notFound();
        JsonNode body = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : readJson(ctx);
        String comment = body.path("comment").asText("").strip();
        String assignee = body.path("assignee").asText("").strip();
        if (comment.length() > MAX_COMMENT) throw Refusal.badRequest("ghi chú quá dài (at most " + MAX_COMMENT + " characters)");
        if (action.equals("comment") && comment.isEmpty()) throw Refusal.badRequest("ghi chú trống (comment is empty)");
        if (action.equals("assign") && !assignee.isEmpty() && accounts.find(assignee).isEmpty()) {
            throw Refusal.badRequest("không có người dùng '" + assignee + "'");
        }
        String ip = ctx.ip();
        AlertScope scope = AlertQueries.alertScope(s.scope());
        String note = comment.isEmpty() ? null : comment;
        async(ctx, () -> {
            AlertView done = switch (action) {
                case "ack" -> desk.acknowledge(id, s.user(), note, scope);
                case "resolve" -> desk.resolve(id, s.user(), note, scope);
                case "assign" -> desk.assign(id, s.user(), assignee, scope);
                default -> desk.comment(id, s.user(), comment, scope);
            };
            audit.record(s.user(), s.role().id(), "alert." + action, id, "ok", action.equals("assign") ? assignee : comment, ip);
            return done;
        });
    }

    /** {@code POST /api/silences} {@code {"kinds":[…],"severities":[…],"province","commune","endsAt","comment"}}. */
    private void createSilence(Context ctx) {
        Sessions.Session s = handler(ctx);
        JsonNode b = readJson(ctx);
        List<String> kinds = new java.util.ArrayList<>();
        b.path("kinds").forEach(k -> kinds.add(k.asText()));
        Set<String> severities = new java.util.LinkedHashSet<>();
        b.path("severities").forEach(k -> severities.add(k.asText()));
        Instant ends;
        try {
            ends = Instant.parse(b.path("endsAt").asText(""));
        } catch (RuntimeException e) {
            throw Refusal.badRequest("endsAt: an ISO-8601 instant");
        }
        SilenceRequest request = new SilenceRequest(new AlertMatcher(kinds, severities, blank(b.path("province").asText(null)),
                blank(b.path("commune").asText(null)), Map.of(), null), null, ends, b.path("comment").asText(""));
        String ip = ctx.ip();
        async(ctx, () -> {
            Silence created = desk.createSilence(request, s.user(), AlertQueries.alertScope(s.scope()));
            audit.record(s.user(), s.role().id(), "silence.create", created.id(), "ok", request.comment(), ip);
            return created;
        });
    }

    /** The session of a role that handles alerts (acknowledge, resolve, assign, comment, silence). */
    private Sessions.Session handler(Context ctx) {
        Sessions.Session s = session(ctx);
        if (!s.role().handlesAlerts()) throw new Refusal(403, "vai trò " + s.role().label() + " không xử lý cảnh báo");
        return s;
    }

    private void searchApi(Context ctx) {
        Sessions.Session s = session(ctx);
        if (!s.role().sees(Role.Screen.SEARCH)) throw new Refusal(403, "vai trò " + s.role().label() + " không có màn hình tìm kiếm");
        if (search == null) throw new Refusal(503, "tìm kiếm toàn văn đang tắt (search.enabled=false)");
        String q = ctx.queryParam("q");
        SearchFilters filters = new SearchFilters(blank(ctx.queryParam("province")), blank(ctx.queryParam("kind")), blank(ctx.queryParam("source")),
                null, null, blank(ctx.queryParam("sentiment")), blank(ctx.queryParam("watchlist")),
                "newest".equals(ctx.queryParam("order")) ? SearchFilters.Order.NEWEST : SearchFilters.Order.RELEVANCE);
        int page = page(ctx);
        List<String> keys = PostPlaces.keysOf(s.scope());
        async(ctx, () -> search.search(q, filters, page, keys, () -> Thread.currentThread().isInterrupted()));
    }

    /**
     * {@code GET /api/export/{posts|search|alerts|security|traffic|reports}?format=csv|xlsx&from=&to=&…}: the list as a
     * file, in the user's scope (inside the query), streamed from ClickHouse to the response row by row; the query, range
     * and scope are written into the file. posts takes the drill-down's filters (watchlist, story, source, sentiment,
     * entity, locality, ids), search the search box's (q, province, kind, source, sentiment, watchlist, order). The range
     * defaults to the last 7 days and spans at most 366. Audited.
     */
    private void export(Context ctx) throws IOException {
        Sessions.Session s = session(ctx);
        ExportDownload what = ExportDownload.of(ctx.pathParam("what"));
        if (what == null) throw Refusal.notFound();
        if (what.screen != null && !s.role().sees(what.screen)) throw new Refusal(403, "vai trò " + s.role().label() + " không có màn hình này");
        String format = ExportDownload.format(ctx.queryParam("format"));
        if (format == null) throw Refusal.badRequest("format: csv or xlsx");
        Instant to = time(ctx, "to") == null ? clock.instant() : time(ctx, "to");
        Instant from = time(ctx, "from") == null ? to.minus(Duration.ofDays(7)) : time(ctx, "from");
        if (!from.isBefore(to) || Duration.between(from, to).toDays() > 366) throw Refusal.badRequest("from must be before to, at most 366 days apart");
        ScopeSql scope = scope(s);
        String condition;
        List<String> ids = null;
        String query = "";
        switch (what) {
            case POSTS -> {
                condition = PostQueries.condition(scope, postFilter(ctx));
                query = ExportDownload.describe(ctx.queryParamMap(), List.of("watchlist", "story", "source", "sentiment", "entity", "locality", "ids"));
            }
            case SEARCH -> {
                if (search == null) throw new Refusal(503, "tìm kiếm toàn văn đang tắt (search.enabled=false)");
                SearchFilters filters = new SearchFilters(blank(ctx.queryParam("province")), blank(ctx.queryParam("kind")),
                        blank(ctx.queryParam("source")), from, to, blank(ctx.queryParam("sentiment")), blank(ctx.queryParam("watchlist")),
                        "newest".equals(ctx.queryParam("order")) ? SearchFilters.Order.NEWEST : SearchFilters.Order.RELEVANCE);
                try {
                    // The index's access keys and the store's scope condition both apply.
                    ids = search.ids(ctx.queryParam("q"), filters, PostPlaces.keysOf(s.scope()), (int) ExportDownload.MAX_ROWS + 1,
                            10L * search.limits().timeoutMillis(), () -> false);
                } catch (RuntimeException e) {
                    throw translate(e);
                }
                condition = scope.posts();
                query = ExportDownload.describe(ctx.queryParamMap(), List.of("q", "province", "kind", "source", "sentiment", "watchlist", "order"));
            }
            case ALERTS -> condition = vn.iocstream.alerts.store.AlertQueries.scopeCondition(AlertQueries.alertScope(s.scope()));
            case SECURITY -> condition = scope.securityEvents();
            case TRAFFIC -> condition = scope.segments("segment_id");
            default -> condition = scope.reports();
        }
        if (!exportSlots.tryAcquire()) throw new Refusal(503, "đang có nhiều lượt tải xuống, thử lại sau (at most " + EXPORTS_AT_ONCE + " at once)", 10);
        try {
            vn.iocstream.app.export.ExportInfo info = new vn.iocstream.app.export.ExportInfo(what.table.title(), query, from, to,
                    s.scope().toString(), clock.instant());
            ctx.contentType(ExportDownload.contentType(format));
            ctx.header("Content-Disposition", "attachment; filename=\"" + what.fileName(from, to, format) + "\"");
            long rows;
            java.io.OutputStream out = ctx.outputStream();
            try (vn.iocstream.app.export.RowWriter writer = format.equals("csv") ? new vn.iocstream.app.export.CsvRowWriter(out)
                    : new vn.iocstream.app.export.XlsxRowWriter(out)) {
                rows = exporter.export(new vn.iocstream.app.export.Exporter.Request(what.table, from, to, condition, ids, info,
                        ExportDownload.MAX_ROWS), writer);
            }
            audit.record(s.user(), s.role().id(), "export", what.path + "." + format, "ok", rows + " rows; " + query, ctx.ip());
        } finally {
            exportSlots.release();
        }
    }

    private void screen(Context ctx, Role.Screen screen, java.util.function.Function<Sessions.Session, Object> work) {
        Sessions.Session s = session(ctx);
        if (!s.role().sees(screen)) throw new Refusal(403, "vai trò " + s.role().label() + " không có màn hình này");
        async(ctx, () -> work.apply(s));
    }

    // ---------------------------------------------------------------- helpers

    /** Runs {@code work} on the workers and answers with its JSON, or with the refusal it ended in. */
    private void async(Context ctx, Callable<Object> work) {
        java.util.concurrent.CompletableFuture<Object> f;
        try {
            f = workers.submit(work);
        } catch (RejectedExecutionException e) {
            throw new Refusal(503, "máy chủ đang bận, thử lại sau (queue full: controlRoom.queueLimit)", 2);
        }
        ctx.future(() -> f.handle((value, error) -> {
            if (error == null) {
                ctx.json(value);
            } else {
                refuse(ctx, translate(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error));
            }
            return null;
        }));
    }

    private Refusal translate(Throwable e) {
        if (e instanceof Refusal r) return r;
        if (e instanceof AlertNotFoundException) return Refusal.notFound();
        if (e instanceof AlertConflictException c) return new Refusal(409, c.getMessage());
        if (e instanceof IllegalStateException) return new Refusal(503, "dịch vụ cảnh báo tạm thời không sẵn sàng (" + e.getMessage() + ")", 5);
        if (e instanceof QueryException) return Refusal.badRequest(e.getMessage());
        if (e instanceof IllegalArgumentException) return Refusal.badRequest(e.getMessage());
        if (e instanceof SearchTimeoutException) return new Refusal(503, e.getMessage(), 2);
        if (e instanceof TimeoutException) return new Refusal(503, "quá thời gian xử lý (" + e.getMessage() + ")", 2);
        LOG.warn("control room work failed: {}", e.toString());
        return new Refusal(500, "lỗi máy chủ (server error)");
    }

    private static void refuse(Context ctx, Refusal r) {
        if (r.retryAfterSeconds > 0) ctx.header("Retry-After", Long.toString(r.retryAfterSeconds));
        ctx.status(r.status).json(Map.of("error", r.getMessage()));
    }

    private Sessions.Session session(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        if (s == null) throw new Refusal(401, "chưa đăng nhập (no session)");
        return s;
    }

    private void requireRole(Context ctx, Role role) {
        if (session(ctx).role() != role) throw new Refusal(403, "chỉ dành cho vai trò " + role.label());
    }

    private ScopeSql scope(Sessions.Session s) {
        return new ScopeSql(s.scope(), places);
    }

    private static String alertId(Context ctx) {
        String id = ctx.pathParam("id");
        // Alert and silence ids are hashes or UUIDs: anything else cannot exist.
        if (!id.matches("[0-9A-Za-z_-]{1,64}")) throw Refusal.notFound();
        return id;
    }

    private int page(Context ctx) {
        String p = ctx.queryParam("page");
        if (p == null || p.isBlank()) return 1;
        if (!p.matches("\\d{1,9}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > maxPage) {
            throw Refusal.badRequest("page must be between 1 and " + maxPage + " (limit search.maxPage)");
        }
        return Integer.parseInt(p);
    }

    /**
     * {@code state=open,acknowledged&kind=security.*&severity=critical&locality=…&from=&to=&assignee=&q=&order=severity&limit=&offset=}
     * as the alerts service's query; a bad value is a 400 naming it.
     */
    private AlertQuery alertQuery(Context ctx) {
        try {
            AlertQuery q = AlertQuery.all();
            String states = blank(ctx.queryParam("state"));
            if (states != null) {
                Set<AlertState> set = new java.util.LinkedHashSet<>();
                for (String st : states.split(",")) {
                    AlertState parsed = java.util.Arrays.stream(AlertState.values()).filter(v -> v.name().equalsIgnoreCase(st.strip())).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("state: open, acknowledged, resolved, suppressed or expired"));
                    set.add(parsed);
                }
                q = q.withStates(set);
            }
            String kinds = blank(ctx.queryParam("kind"));
            if (kinds != null) q = q.withKinds(java.util.Arrays.stream(kinds.split(",")).map(String::strip).toList());
            String severities = blank(ctx.queryParam("severity"));
            if (severities != null) q = q.withSeverities(Set.copyOf(java.util.Arrays.stream(severities.split(",")).map(String::strip).toList()));
            String locality = blank(ctx.queryParam("locality"));
            if (locality != null) {
                Scope where = parseScope(locality);
                if (where.all() || where.provinces().size() + where.communes().size() != 1) {
                    throw new IllegalArgumentException("locality: one province or one commune, e.g. 'phường Tam Hiệp, tỉnh Đồng Nai'");
                }
                q = where.communes().isEmpty() ? q.withLocality(where.provinces().get(0), null)
                        : q.withLocality(where.communes().get(0).province(), where.communes().get(0).kind() + " " + where.communes().get(0).name());
            }
            q = q.withTime(time(ctx, "from"), time(ctx, "to"));
            if (ctx.queryParam("assignee") != null) q = q.withAssignee(ctx.queryParam("assignee").strip());
            q = q.withText(blank(ctx.queryParam("q")));
            if ("severity".equals(ctx.queryParam("order"))) q = q.withOrder(AlertQuery.Order.SEVERITY);
            String limit = blank(ctx.queryParam("limit")), offset = blank(ctx.queryParam("offset"));
            if ((limit != null && !limit.matches("\\d{1,6}")) || (offset != null && !offset.matches("\\d{1,7}"))) {
                throw new IllegalArgumentException("limit and offset are whole numbers");
            }
            return q.withPage(limit == null ? 200 : Integer.parseInt(limit), offset == null ? 0 : Integer.parseInt(offset));
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest(e.getMessage());
        }
    }

    /** {@code locality=…} (a scope in its written form): narrows a list within the user's scope, never widens it. */
    private ScopeSql locality(Context ctx) {
        String locality = blank(ctx.queryParam("locality"));
        return locality == null ? null : new ScopeSql(parseScope(locality), places);
    }

    private PostQueries.Filter postFilter(Context ctx) {
        String ids = blank(ctx.queryParam("ids"));
        List<String> idList = null;
        if (ids != null) {
            idList = Arrays.stream(ids.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
            if (idList.size() > 100) throw Refusal.badRequest("at most 100 ids");
        }
        return new PostQueries.Filter(idList, blank(ctx.queryParam("watchlist")), blank(ctx.queryParam("story")), blank(ctx.queryParam("source")),
                blank(ctx.queryParam("sentiment")), blank(ctx.queryParam("entity")), time(ctx, "from"), time(ctx, "to"), locality(ctx));
    }

    private static Scope parseScope(String written) {
        try {
            return Scope.parse(written, Gazetteer.load());
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("locality: " + e.getMessage());
        }
    }

    private static Instant time(Context ctx, String name) {
        String v = blank(ctx.queryParam(name));
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (RuntimeException e) {
            throw Refusal.badRequest(name + ": an ISO-8601 instant such as 2026-11-20T02:00:00Z");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static JsonNode readJson(Context ctx) {
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.bodyAsBytes());
            if (n == null || !n.isObject()) throw Refusal.badRequest("expected a JSON object");
            return n;
        } catch (IOException e) {
            throw Refusal.badRequest("invalid JSON");
        }
    }

    private static void page(Context ctx, String resource) throws IOException {
        try (InputStream in = ControlRoom.class.getResourceAsStream(resource)) {
            if (in == null) throw Refusal.notFound();
            ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                    .result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        app.stop();
        workers.close();
        audit.close();
    }
}
