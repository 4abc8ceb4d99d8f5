# bench_smoke: runs mim-bench at a small N and checks that the JSON it writes holds every figure as a number.
# Usage: cmake -DBENCH=... -DSANDBOX=... -DAPP=... -DOUT=file.json -P run_bench_smoke.cmake
foreach(var BENCH SANDBOX APP OUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run_bench_smoke.cmake needs -D${var}=...")
    endif()
endforeach()

file(REMOVE "${OUT}")
execute_process(
    COMMAND "${BENCH}" --sandbox "${SANDBOX}" --app "${APP}" --sizes 2000 --repeat 1 --delete-count 100
            --json "${OUT}"
    RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "mim-bench failed: ${status}")
endif()
if(NOT EXISTS "${OUT}")
    message(FATAL_ERROR "mim-bench wrote no ${OUT}")
endif()

file(READ "${OUT}" json)
string(JSON count ERROR_VARIABLE error LENGTH "${json}")
if(error)
    message(FATAL_ERROR "${OUT} is not a JSON array: ${error}")
endif()
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one result (N=2000), got ${count}")
endif()

set(keys n list_ms transfer_floor_ms parse_floor_ms max_stall_ms sort_name_ms sort_size_ms sort_created_ms
    filter_ms rss_mb delete_1000_ms delete_seq_ms startup_ms first_rows_ms list_rtt80_ms cached_start_ms)
foreach(key IN LISTS keys)
    string(JSON type ERROR_VARIABLE error TYPE "${json}" 0 ${key})
    if(error OR NOT type STREQUAL "NUMBER")
        message(FATAL_ERROR "result has no number \"${key}\" (${type}${error})")
    endif()
    string(JSON value GET "${json}" 0 ${key})
    if(value LESS 0)
        message(FATAL_ERROR "\"${key}\" is ${value}, not a measurement")
    endif()
    message(STATUS "${key} = ${value}")
endforeach()
string(JSON rows GET "${json}" 0 rows)
if(rows LESS 2000)
    message(FATAL_ERROR "the table held ${rows} rows, fewer than N=2000")
endif()

# The program's own check must agree.
execute_process(COMMAND "${BENCH}" --check "${OUT}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "mim-bench --check rejected ${OUT}")
endif()
