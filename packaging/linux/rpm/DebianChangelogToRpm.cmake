# mim_debian_changelog_to_rpm(<debian changelog> <output>): writes the entries of a Debian changelog as an
# RPM %changelog body, newest first, so that the project keeps one history for both package formats:
#   pkg (1.2.3-1) unstable; urgency=medium        * Sun Nov 22 2026 Name <address> - 1.2.3-1
#     * Change.                              ->    - Change.
#       continued                                    continued
#    -- Name <address>  Sun, 22 Nov 2026 12:00:00 +0000
function(mim_debian_changelog_to_rpm input output)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${input}")
    file(STRINGS "${input}" lines)
    set(result "")
    set(version "")
    set(body "")
    foreach(line IN LISTS lines)
        if(line MATCHES "^[a-z0-9][a-z0-9.+-]* \\(([^)]+)\\)")
            set(version "${CMAKE_MATCH_1}")
            set(body "")
        elseif(line MATCHES "^ -- (.+ <[^>]+>)  [A-Z][a-z][a-z], ([0-9]+) ([A-Z][a-z][a-z]) ([0-9]+) ")
            set(who "${CMAKE_MATCH_1}")
            set(day "${CMAKE_MATCH_2}")
            set(month "${CMAKE_MATCH_3}")
            set(year "${CMAKE_MATCH_4}")
            if(day LESS 10)
                set(day "0${day}")
            endif()
            # rpm wants the weekday too; a Debian date carries it.
            string(REGEX MATCH "  ([A-Z][a-z][a-z])," weekday "${line}")
            set(weekday "${CMAKE_MATCH_1}")
            string(APPEND result "* ${weekday} ${month} ${day} ${year} ${who} - ${version}\n${body}\n")
        elseif(line MATCHES "^  \\* (.*)")
            string(APPEND body "- ${CMAKE_MATCH_1}\n")
        elseif(line MATCHES "^    (.*)")
            string(APPEND body "  ${CMAKE_MATCH_1}\n")
        endif()
    endforeach()
    if(result STREQUAL "")
        message(FATAL_ERROR "${input}: no changelog entry found")
    endif()
    file(WRITE "${output}" "${result}")
endfunction()
