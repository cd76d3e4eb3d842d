package vn.vanban.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on a loopback port to {@code localhost:target} that drops every connection once it has carried
 * {@code cutAfter} bytes from the server (a network failure at a chosen point, independent of timing); new connections
 * after that are forwarded normally (the network is back). For tests of what survives a dropped connection.
 */
public final class CuttableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong fromServer = new AtomicLong();
    private volatile long cutAfter = Long.MAX_VALUE;
    private volatile int cuts;

    public CuttableProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Drops the connections open when the server has sent {@code bytes} more bytes through them. */
    public void cutAfter(long bytes) {
        fromServer.set(0);
        cutAfter = bytes;
    }

    /** How many times connections were dropped. */
    public int cuts() {
        return cuts;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean serverSide) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[512];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                    if (serverSide && fromServer.addAndGet(n) >= cutAfter) {
                        cutAfter = Long.MAX_VALUE;
                        cuts++;
                        dropAll();
                        return;
                    }
                }
            } catch (IOException e) {
                // closed by the other side or by a cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void dropAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        dropAll();
    }
}
