package dev.dapkit.testkit.fake.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the toy language: statements one at a time, calling the {@link Execution}'s hooks where a
 * debugger may stop, and expressions by walking their tree. One interpreter per program; it holds
 * the program's files and globals. Not thread-safe: the scheduler lets one debuggee thread run at a
 * time, and evaluations run only while every debuggee thread is suspended.
 */
public final class Interpreter {

    /** The deepest stack allowed; deeper recursion raises an error instead of overflowing Java's stack. */
    static final int MAX_DEPTH = 200;
    /** The longest list {@code range} makes. */
    static final long MAX_RANGE = 1_000_000;

    private final Map<String, SourceFile> files;
    private final Map<String, Object> globals = new LinkedHashMap<>();
    private final Set<String> loaded = Collections.synchronizedSet(new LinkedHashSet<>());

    public Interpreter(Map<String, SourceFile> files) {
        this.files = Map.copyOf(files);
    }

    /** The program's global variables and functions, live. */
    public Map<String, Object> globals() {
        return globals;
    }

    /** The paths of the files that have started running, in that order. Thread-safe. */
    public List<String> loadedPaths() {
        synchronized (loaded) {
            return List.copyOf(loaded);
        }
    }

    /** The frame a thread starts with to run {@code file}'s top level. */
    public Frame moduleFrame(SourceFile file) {
        return Frame.module(file, globals);
    }

    /** The frame a thread starts with to run {@code function(arguments)}. */
    public Frame callFrame(FunctionDef function, List<Object> arguments) {
        return Frame.call(function, files.get(function.path()), arguments);
    }

    /** Runs a thread: the frame at the bottom of {@code ex}'s stack, put there when the thread was made. */
    public void runThread(Execution ex) {
        Frame frame = ex.stack().get(0);
        if (frame.isModule()) {
            startModule(ex, frame.file());
        }
        try {
            runBlock(ex, frame, frame.body());
        } catch (ControlSignal signal) {
            if (signal.kind() != ControlSignal.Kind.RETURN) {
                throw signal;
            }
        }
    }

    /** The value of {@code expr} with names looked up in {@code context}, then in the globals. */
    public Object evaluate(Execution ex, Frame context, Expr expr) {
        return eval(ex, context, expr);
    }

    /** Assigns {@code value} to a name, field or index, as {@code target = value} in {@code context} would. */
    public void assign(Execution ex, Frame context, Expr target, Object value) {
        if (target instanceof Expr.Name n) {
            context.locals().put(n.name(), value);
            return;
        }
        Object container = eval(ex, context, target instanceof Expr.Field f ? f.target() : ((Expr.Index) target).target());
        if (target instanceof Expr.Field f && container instanceof ObjectValue o) {
            o.fields().put(f.name(), value);
        } else if (target instanceof Expr.Index i && container instanceof List<?> list) {
            Operators.mutable(list).set(Operators.position(eval(ex, context, i.index()), list.size()), value);
        } else if (target instanceof Expr.Index i && container instanceof Map<?, ?> map) {
            Operators.mutable(map).put(Operators.mapKey(eval(ex, context, i.index())), value);
        } else {
            throw new RaisedError("cannot assign into " + ValueText.typeName(container));
        }
    }

    private void startModule(Execution ex, SourceFile file) {
        loaded.add(file.path());
        globals.putAll(file.functions());
        ex.loaded(file);
    }

    private Object run(Execution ex, Frame frame) {
        List<Frame> stack = ex.stack();
        if (stack.size() >= MAX_DEPTH) {
            throw new RaisedError("the call stack is deeper than " + MAX_DEPTH + " frames");
        }
        stack.add(frame);
        try {
            runBlock(ex, frame, frame.body());
            return null;
        } catch (ControlSignal signal) {
            if (signal.kind() == ControlSignal.Kind.RETURN) {
                return signal.value();
            }
            throw signal;
        } finally {
            stack.remove(stack.size() - 1);
        }
    }

    private void runBlock(Execution ex, Frame frame, List<Stmt> block) {
        for (Stmt statement : block) {
            frame.moveTo(statement);
            ex.beforeStatement(frame, statement);
            try {
                exec(ex, frame, statement);
            } catch (RaisedError e) {
                if (e.announce(ex.stack())) {
                    ex.raised(frame, e);
                }
                throw e;
            }
        }
    }

    private void exec(Execution ex, Frame f, Stmt s) {
        if (s instanceof Stmt.Assign a) {
            assign(ex, f, a.target(), eval(ex, f, a.value()));
        } else if (s instanceof Stmt.Evaluate e) {
            eval(ex, f, e.expression());
        } else if (s instanceof Stmt.If i) {
            runBlock(ex, f, Operators.truthy(eval(ex, f, i.condition())) ? i.then() : i.otherwise());
        } else if (s instanceof Stmt.For loop) {
            List<Object> items = Operators.iterate(eval(ex, f, loop.iterable()));
            for (int n = 0; n < items.size(); n++) {
                if (n > 0) {
                    f.moveTo(loop);
                    ex.beforeStatement(f, loop);
                }
                f.locals().put(loop.variable(), items.get(n));
                runBlock(ex, f, loop.body());
            }
        } else if (s instanceof Stmt.Try t) {
            runTry(ex, f, t);
        } else if (s instanceof Stmt.Return r) {
            throw new ControlSignal(ControlSignal.Kind.RETURN, r.value() == null ? null : eval(ex, f, r.value()));
        } else if (s instanceof Stmt.Raise r) {
            throw new RaisedError(eval(ex, f, r.value()));
        } else if (s instanceof Stmt.Spawn sp) {
            ex.spawn(function(f, sp.call().function()), evalAll(ex, f, sp.call().arguments()));
        } else if (s instanceof Stmt.Import im) {
            SourceFile file = files.get(f.file().siblingModule(im.module()));
            if (file == null) {
                throw new RaisedError("no module " + im.module() + " at " + f.file().siblingModule(im.module()));
            }
            if (!loaded.contains(file.path())) {
                startModule(ex, file);
                run(ex, Frame.module(file, globals));
                ex.afterReturn(f);
            }
        }
    }

    private void runTry(Execution ex, Frame f, Stmt.Try t) {
        RaisedError caught;
        f.enterTry();
        try {
            runBlock(ex, f, t.body());
            return;
        } catch (RaisedError e) {
            caught = e;
        } finally {
            f.exitTry();
        }
        if (t.errorName() != null) {
            f.locals().put(t.errorName(), caught.value());
        }
        runBlock(ex, f, t.handler());
    }

    private Object eval(Execution ex, Frame f, Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        } else if (e instanceof Expr.Name n) {
            return lookup(f, n.name());
        } else if (e instanceof Expr.Field fe) {
            return Operators.field(eval(ex, f, fe.target()), fe.name());
        } else if (e instanceof Expr.Index i) {
            return Operators.index(eval(ex, f, i.target()), eval(ex, f, i.index()));
        } else if (e instanceof Expr.Call c) {
            return call(ex, f, c);
        } else if (e instanceof Expr.Unary u) {
            Object operand = eval(ex, f, u.operand());
            return "not".equals(u.operator()) ? !Operators.truthy(operand) : Operators.binary("-", 0L, operand);
        } else if (e instanceof Expr.Binary b) {
            if (b.operator().equals("and") || b.operator().equals("or")) {
                boolean left = Operators.truthy(eval(ex, f, b.left()));
                return left == b.operator().equals("or") ? left : Operators.truthy(eval(ex, f, b.right()));
            }
            return Operators.binary(b.operator(), eval(ex, f, b.left()), eval(ex, f, b.right()));
        } else if (e instanceof Expr.ListLiteral l) {
            return evalAll(ex, f, l.items());
        } else if (e instanceof Expr.MapLiteral m) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < m.keys().size(); i++) {
                map.put(Operators.mapKey(eval(ex, f, m.keys().get(i))), eval(ex, f, m.values().get(i)));
            }
            return map;
        }
        Expr.ObjectLiteral o = (Expr.ObjectLiteral) e;
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < o.fields().size(); i++) {
            fields.put(o.fields().get(i), eval(ex, f, o.values().get(i)));
        }
        return new ObjectValue(o.type(), fields);
    }

    private Object lookup(Frame f, String name) {
        if (f.locals().containsKey(name)) {
            return f.locals().get(name);
        }
        if (globals.containsKey(name)) {
            return globals.get(name);
        }
        throw new RaisedError("name '" + name + "' is not defined");
    }

    private FunctionDef function(Frame f, String name) {
        if (lookup(f, name) instanceof FunctionDef function) {
            return function;
        }
        throw new RaisedError("'" + name + "' is " + ValueText.typeName(lookup(f, name)) + ", not a function");
    }

    private List<Object> evalAll(Execution ex, Frame f, List<Expr> exprs) {
        List<Object> values = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            values.add(eval(ex, f, e));
        }
        return values;
    }

    private Object call(Execution ex, Frame f, Expr.Call c) {
        boolean defined = f.locals().containsKey(c.function()) || globals.containsKey(c.function());
        List<Object> arguments = evalAll(ex, f, c.arguments());
        if (!defined) {
            return builtin(ex, c.function(), arguments);
        }
        FunctionDef function = function(f, c.function());
        Object result = run(ex, Frame.call(function, files.get(function.path()), arguments));
        ex.afterReturn(f);
        return result;
    }

    private Object builtin(Execution ex, String name, List<Object> args) {
        switch (name) {
            case "print" -> ex.print(args.stream().map(ValueText::str).collect(Collectors.joining(" ")) + "\n");
            case "len" -> {
                return Operators.size(argument(name, args, 1, Object.class));
            }
            case "str" -> {
                return ValueText.str(argument(name, args, 1, Object.class));
            }
            case "range" -> {
                long n = argument(name, args, 1, Long.class);
                if (n < 0 || n > MAX_RANGE) {
                    throw new RaisedError("range(" + n + ") is outside 0.." + MAX_RANGE);
                }
                List<Object> list = new ArrayList<>((int) n);
                for (long i = 0; i < n; i++) {
                    list.add(i);
                }
                return list;
            }
            case "append" -> Operators.mutable(argument(name, args, 2, List.class)).add(args.get(1));
            case "busy" -> {
                long n = argument(name, args, 1, Long.class);
                for (long i = 0; i < n; i++) {
                    if ((i & 0xFFFF) == 0) {
                        ex.longWork(i, n);
                    }
                }
                return n;
            }
            case "exit" -> ex.exit(argument(name, args, 1, Long.class));
            default -> throw new RaisedError("name '" + name + "' is not defined");
        }
        return null;
    }

    /** The first argument of a builtin that takes {@code count}, checked to be a {@code type}. */
    private static <T> T argument(String function, List<Object> args, int count, Class<T> type) {
        if (args.size() != count) {
            throw new RaisedError(function + "() takes " + count + " arguments but got " + args.size());
        }
        if (!type.isInstance(args.get(0))) {
            throw new RaisedError(function + "() needs " + (type == Long.class ? "an int" : "a list") + ", not "
                    + ValueText.typeName(args.get(0)));
        }
        return type.cast(args.get(0));
    }
}
