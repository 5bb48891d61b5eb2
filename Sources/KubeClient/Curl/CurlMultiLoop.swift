import CCurl

/// The transport thread's loop: one multi handle drives every transfer. It takes commands from
/// the mailbox, lets libcurl do its work, completes finished transfers, fails idle streams and
/// sleeps in `curl_multi_poll` until there is socket activity, a timer, or a wake-up.
final class CurlMultiLoop {
    private let mailbox: CurlMailbox
    private var multi: UnsafeMutableRawPointer { mailbox.multi }
    private var transfers: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var handles: [UInt64: UnsafeMutableRawPointer] = [:]

    init(mailbox: CurlMailbox) { self.mailbox = mailbox }

    func run() {
        while true {
            for command in mailbox.drain() {
                if case .shutdown = command { return shutDown() }
                apply(command)
            }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            completeFinished()
            let wait = failIdleStreams()
            curl_multi_poll(multi, nil, 0, Int32(wait), nil)
        }
    }

    private func apply(_ command: TransportCommand) {
        switch command {
        case .start(let order):
            do {
                let transfer = try CurlEasy.makeTransfer(for: order)
                let code = curl_multi_add_handle(multi, transfer.easy)
                guard code == CURLM_OK else {
                    let text = String(cString: curl_multi_strerror(code))
                    transfer.complete(with: .transport(TransportError(kind: .other, message: text)))
                    return
                }
                transfers[transfer.easy] = transfer
                handles[order.id] = transfer.easy
            } catch {
                order.fail(.transport(error))
            }
        case .cancel(let id):
            remove(id)?.complete(with: .cancelled)
        case .resume(let id):
            guard let easy = handles[id], let transfer = transfers[easy], transfer.paused else { return }
            transfer.paused = false
            transfer.lastActivity = .now
            curl_easy_pause(easy, Int32(shim_pause_continue))
        case .shutdown:
            break
        }
    }

    private func remove(_ id: UInt64) -> CurlTransfer? {
        guard let easy = handles.removeValue(forKey: id), let transfer = transfers.removeValue(forKey: easy) else { return nil }
        curl_multi_remove_handle(multi, easy)
        return transfer
    }

    private func completeFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = transfers[easy]
            else { continue }
            let code = message.pointee.data.result
            _ = remove(transfer.id)
            transfer.complete(code: code, detail: transfer.resources.errorText)
        }
    }

    /// Fails streams silent for longer than their idle timeout; returns how long the poll may
    /// sleep (milliseconds) before the next one is due.
    private func failIdleStreams() -> Int {
        var wait = 1000
        let now = ContinuousClock.now
        for transfer in Array(transfers.values) {
            guard let idle = transfer.idleTimeout, !transfer.paused else { continue }
            let deadline = transfer.lastActivity + idle
            if deadline <= now {
                _ = remove(transfer.id)
                let error = TransportError(kind: .idleTimeout, message: "no data for \(idle)")
                transfer.complete(with: .transport(error))
            } else {
                let left = now.duration(to: deadline)
                let milliseconds = Int(left.components.seconds) * 1000 + Int(left.components.attoseconds / 1_000_000_000_000_000) + 1
                wait = min(wait, milliseconds)
            }
        }
        return wait
    }

    private func shutDown() {
        for command in mailbox.close() {
            if case .start(let order) = command { order.fail(.transport(TransportError(kind: .shutdown, message: "client closed"))) }
        }
        for id in Array(handles.keys) {
            remove(id)?.complete(with: .transport(TransportError(kind: .shutdown, message: "client closed")))
        }
        curl_multi_cleanup(multi)
    }
}
